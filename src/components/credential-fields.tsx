import { useId, useState } from 'react';

type Props = {
  clientId: string;
  onClientIdChange: (value: string) => void;
  clientSecret: string;
  onClientSecretChange: (value: string) => void;
  /** the fields were refused: marked invalid and described by this element (the error message) */
  errorId?: string;
};

/** "Client ID" and "Client secret" of a service account, the secret masked until shown. */
export function CredentialFields({
  clientId,
  onClientIdChange,
  clientSecret,
  onClientSecretChange,
  errorId,
}: Props) {
  const id = useId();
  const [showSecret, setShowSecret] = useState(false);
  const invalid = errorId ? true : undefined;
  const common = {
    autoComplete: 'off',
    spellCheck: false,
    autoCapitalize: 'off',
    required: true,
    'aria-invalid': invalid,
    'aria-describedby': errorId,
  } as const;
  return (
    <>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-id`}>
          Client ID
        </label>
        <input
          id={`${id}-id`}
          className="input mono"
          value={clientId}
          onChange={(event) => onClientIdChange(event.target.value)}
          {...common}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-secret`}>
          Client secret
        </label>
        <span className="input-group">
          {/* A text field masked by CSS rather than type=password: it keeps the textbox role that assistive
              technology and the tests rely on, and browsers do not offer to save it as a site password. */}
          <input
            id={`${id}-secret`}
            className={`input mono${showSecret ? '' : ' input--masked'}`}
            value={clientSecret}
            onChange={(event) => onClientSecretChange(event.target.value)}
            {...common}
          />
          <button
            type="button"
            className="button button--ghost"
            aria-pressed={showSecret}
            aria-label="Show secret"
            onClick={() => setShowSecret((shown) => !shown)}
          >
            {showSecret ? 'Hide' : 'Show'}
          </button>
        </span>
      </div>
    </>
  );
}
