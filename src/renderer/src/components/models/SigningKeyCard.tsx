import { useEffect, useState, type FormEvent } from 'react';
import type { KeyRing } from '../../../../shared/signing/methods';
import { toShownError } from '../../lib/errors';
import { useAppStore } from '../../store';

/**
 * The user's package-signing key (made on first use, kept in the user profile) and the colleagues'
 * keys they trust: what `mlcycle package verify` accepts. Same data as `mlcycle keys show`.
 */
export function SigningKeyCard() {
  const client = useAppStore((s) => s.client);
  const [ring, setRing] = useState<KeyRing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [trustError, setTrustError] = useState<string | null>(null);

  const load = () => {
    client
      ?.call('keys.show', {})
      .then((r) => {
        setRing(r);
        setError(null);
      })
      .catch((e: unknown) => setError(toShownError(e).message));
  };
  useEffect(load, [client]);

  const trust = (event: FormEvent) => {
    event.preventDefault();
    client
      ?.call('keys.trust', { name: name.trim(), publicKey: key.trim() })
      .then(() => {
        setName('');
        setKey('');
        setTrustError(null);
        load();
      })
      .catch((e: unknown) => setTrustError(toShownError(e).message));
  };

  return (
    <section className="card signing-card" aria-labelledby="signing-title" data-testid="signing-card">
      <h2 id="signing-title">Your signing key</h2>
      <p>
        Packages you make (<code>mlcycle package &lt;run&gt; --out model.mlpkg</code>) are signed with this ed25519 key; colleagues who trust
        its public key can check that not a byte changed (<code>mlcycle package verify</code>).
      </p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {ring && (
        <>
          <p>
            Key <strong data-testid="signing-key-id">{ring.own.keyId}</strong>
          </p>
          <div className="signing-key-row">
            <code data-testid="signing-public-key">{ring.own.publicKey}</code>
            <button
              type="button"
              className="button ghost"
              onClick={() => {
                void navigator.clipboard?.writeText(ring.own.publicKey).then(() => setCopied(true));
              }}
            >
              {copied ? 'Copied' : 'Copy'}
            </button>
          </div>
          <h3>Keys you trust</h3>
          {ring.trusted.length ? (
            <ul data-testid="trusted-keys">
              {ring.trusted.map((k) => (
                <li key={k.keyId}>
                  <strong>{k.name}</strong> — key {k.keyId}
                </li>
              ))}
            </ul>
          ) : (
            <p data-testid="trusted-keys-empty">None yet: packages from colleagues will not verify until you trust their key.</p>
          )}
          <form className="signing-trust-form" onSubmit={trust}>
            <label>
              <span>Name</span>
              <input value={name} onChange={(e) => setName(e.target.value)} placeholder="alice" data-testid="trust-name" required />
            </label>
            <label>
              <span>Their public key (from mlcycle keys show)</span>
              <input value={key} onChange={(e) => setKey(e.target.value)} data-testid="trust-key" required />
            </label>
            <button type="submit" className="button" data-testid="trust-submit">
              Trust this key
            </button>
            {trustError && (
              <p role="alert" className="form-error" data-testid="trust-error">
                {trustError}
              </p>
            )}
          </form>
        </>
      )}
    </section>
  );
}
