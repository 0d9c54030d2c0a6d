import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { PolicyInput } from '../../domain/iam/policy';
import { CredentialFields } from '../../components/credential-fields';
import { useCreatePolicy, useHelperSignIn, type CreatedPolicy } from './use-helper';

export type HelperView = { clientId: string; identity: { urns: string[] } } | null;

type Props = {
  open: boolean;
  onClose: () => void;
  /** create these policies; none: only sign the helper account in, to read policies */
  policies: PolicyInput[];
  region: string;
  /** the helper account already signed in, if any */
  helper: HelperView;
  /** the identity the calls go out as, to say it does not change */
  callerIdentity: string | undefined;
  onCreated?: (created: CreatedPolicy[]) => void;
};

/**
 * The session's helper account, for what the explored identity may not do itself: read the policies that
 * concern it, or create the policy that fixes a 403. Calls keep going out as the explored identity.
 */
export function HelperDialog({ open, onClose, policies, region, helper, callerIdentity, onCreated }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [useAnother, setUseAnother] = useState(false);
  const signIn = useHelperSignIn();
  const create = useCreatePolicy(region);
  const needsCredentials = !helper || useAnother;
  const creating = policies.length > 0;
  const error = signIn.error ?? create.error;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    signIn.reset();
    create.reset();
    try {
      if (needsCredentials) {
        await signIn.mutateAsync({ clientId: clientId.trim(), clientSecret });
        setClientSecret('');
        setUseAnother(false);
      }
      const created: CreatedPolicy[] = [];
      for (const policy of policies) created.push(await create.mutateAsync(policy));
      onCreated?.(created);
      onClose();
    } catch {
      // shown below from the mutations' errors; what was typed stays
    }
  }

  const busy = signIn.isPending || create.isPending;
  return (
    <dialog ref={dialog} className="modal" aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      <form className="modal__body" onSubmit={submit} noValidate>
        <h2 id={titleId} className="card__title">
          {creating
            ? `Create ${policies.length === 1 ? 'this policy' : `these ${policies.length} policies`}`
            : 'Read the policies with another account'}
        </h2>
        <p className="muted">
          {creating
            ? 'With an account allowed to write policies'
            : 'With an account allowed to read policies'}{' '}
          (
          <code className="mono">
            {creating ? 'account:apiovh:iam/policy/create' : 'account:apiovh:iam/policy/get'}
          </code>
          ). Calls keep going out as{' '}
          <code className="mono">{callerIdentity ?? 'the signed-in identity'}</code>.
        </p>
        {needsCredentials ? (
          <>
            <CredentialFields
              clientId={clientId}
              onClientIdChange={setClientId}
              clientSecret={clientSecret}
              onClientSecretChange={setClientSecret}
              errorId={error ? `${titleId}-error` : undefined}
            />
          </>
        ) : (
          <p>
            As <code className="mono">{helper.identity.urns[0] ?? helper.clientId}</code>.{' '}
            <button type="button" className="link-button" onClick={() => setUseAnother(true)}>
              Use another account
            </button>
          </p>
        )}
        {error && (
          <p id={`${titleId}-error`} className="alert alert--error" role="alert">
            {error.message}
          </p>
        )}
        <div className="actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || (needsCredentials && (!clientId.trim() || !clientSecret))}
          >
            {busy ? (creating ? 'Creating…' : 'Signing in…') : creating ? 'Create policy' : 'Sign in'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
