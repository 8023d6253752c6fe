import path from 'node:path';
import type { HandlerMap } from '../context';
import { trustKey, trustedKeys, userSigningKey } from '../signing/keys';
import { verifyPackage } from '../signing/verify';

export const signingHandlers = {
  'keys.show': (_args, ctx) => {
    const own = userSigningKey(ctx.homeDir);
    const trusted = [...trustedKeys(ctx.homeDir).values()].filter((k) => k.keyId !== own.keyId);
    return { own: { keyId: own.keyId, publicKey: own.publicKey }, trusted };
  },
  'keys.trust': (args, ctx) => trustKey(ctx.homeDir, args.name, args.publicKey),
  'package.verify': (args, ctx) => verifyPackage(path.resolve(args.path), trustedKeys(ctx.homeDir)),
} satisfies Partial<HandlerMap>;
