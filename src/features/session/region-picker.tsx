import { useQuery } from '@tanstack/react-query';
import { regionsQueryOptions } from './queries';

type Props = { value: string; onChange: (region: string) => void };

export function RegionPicker({ value, onChange }: Props) {
  const regions = useQuery(regionsQueryOptions());
  return (
    <label className="field field--inline">
      <span className="field__label">Region</span>
      <select
        className="select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        disabled={!regions.data}
        aria-describedby={regions.isError ? 'regions-error' : undefined}
      >
        {(regions.data ?? [{ id: value, label: value }]).map((region) => (
          <option key={region.id} value={region.id}>
            {region.label}
          </option>
        ))}
      </select>
      {regions.isError && (
        <span id="regions-error" className="field__error" role="alert">
          Regions could not be loaded: {regions.error.message}
        </span>
      )}
    </label>
  );
}
