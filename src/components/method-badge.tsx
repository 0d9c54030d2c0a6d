type Props = { method: string };

export function MethodBadge({ method }: Props) {
  return <span className={`method method--${method.toLowerCase()}`}>{method}</span>;
}
