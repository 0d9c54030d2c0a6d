import { useQuery } from '@tanstack/react-query';
import { regionsQueryOptions, sessionQueryOptions } from './queries';
import { SessionSummary } from './session-summary';
import { SignInForm } from './sign-in-form';

type Props = { region: string };

/** Sign-in for the chosen region, or who is signed in. */
export function SessionPanel({ region }: Props) {
  const session = useQuery(sessionQueryOptions());
  const regions = useQuery(regionsQueryOptions());
  const current = regions.data?.find((r) => r.id === region);
  const labelOf = (id: string) => regions.data?.find((r) => r.id === id)?.label ?? id;

  if (session.isPending) return <section className="card" aria-busy="true" aria-label="Session" />;
  if (session.isError) {
    return (
      <p className="alert alert--error" role="alert">
        The session could not be read: {session.error.message}
      </p>
    );
  }
  if (session.data && session.data.region === region) {
    return <SessionSummary session={session.data} regionLabel={labelOf(region)} />;
  }
  return (
    <>
      {session.data && (
        <p className="alert alert--info">
          Signed in to {labelOf(session.data.region)}: calls to {labelOf(region)} go without a token until you
          sign in here.
        </p>
      )}
      <SignInForm
        key={region}
        region={region}
        regionLabel={labelOf(region)}
        demoAccounts={current?.demoAccounts ?? []}
      />
    </>
  );
}
