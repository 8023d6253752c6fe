import { z } from 'zod';

/** Signing keys (one ed25519 key per user profile) and package verification. */

export const PublicKey = z.object({ keyId: z.string(), publicKey: z.string() });
export type PublicKey = z.infer<typeof PublicKey>;

export const KeyRing = z.object({
  /** The user's own key: what colleagues trust to accept this user's packages. */
  own: PublicKey,
  trusted: z.array(PublicKey.extend({ name: z.string() })),
});
export type KeyRing = z.infer<typeof KeyRing>;

export const VerifyProblem = z.object({
  kind: z.enum(['not_a_package', 'unsafe_path', 'bad_signature', 'untrusted_key', 'missing_file', 'extra_file', 'changed_file']),
  path: z.string().nullable(),
  message: z.string(),
});

export const Verification = z.object({
  ok: z.boolean(),
  signer: z.object({ keyId: z.string(), trustedAs: z.string().nullable() }).nullable(),
  files: z.number().int(),
  problems: z.array(VerifyProblem),
});
export type Verification = z.infer<typeof Verification>;

export const signingMethods = {
  'keys.show': { args: z.object({}).strict(), result: KeyRing, mutates: false },
  'keys.trust': {
    args: z
      .object({
        name: z.string().regex(/^[\w.-]{1,64}$/, "a key name is letters, digits, '.', '_' or '-' (up to 64)"),
        publicKey: z.string().trim().min(1, 'the public key (base64) is required'),
      })
      .strict(),
    result: PublicKey,
    mutates: true,
  },
  'package.verify': { args: z.object({ path: z.string().trim().min(1, 'a package folder or .mlpkg file is required') }).strict(), result: Verification, mutates: false },
} as const;
