import type { Model } from '../domain/catalog/types';

type Props = {
  type: string;
  models: Readonly<Record<string, Model>>;
};

const MAX_DEPTH = 4;

/** `a.B[]` → `a.B`, `map[string]a.B` → `a.B`: the model a type refers to, if any. */
function modelName(type: string): string {
  return type.replace(/\[\]$/, '').replace(/^map\[[^\]]+\]/, '');
}

/** A model as a tree: properties with their types, enum values, required and read-only flags. */
export function ModelTree({ type, models }: Props) {
  return (
    <div className="model-tree">
      <TypeLabel type={type} models={models} />
      <ModelBody type={type} models={models} depth={0} seen={new Set()} />
    </div>
  );
}

function TypeLabel({ type, models }: Props) {
  const model = models[modelName(type)];
  return (
    <span className="model-tree__type mono">
      {type}
      {model?.enum && <span className="muted"> enum: {model.enum.join(' | ')}</span>}
    </span>
  );
}

function ModelBody({ type, models, depth, seen }: Props & { depth: number; seen: Set<string> }) {
  const name = modelName(type);
  const model = models[name];
  if (!model?.properties || depth >= MAX_DEPTH || seen.has(name)) return null;
  const inner = new Set(seen).add(name);
  return (
    <ul className="model-tree__properties">
      {Object.entries(model.properties).map(([property, spec]) => {
        const propertyType = spec.fullType ?? spec.type;
        const nested = models[modelName(propertyType)];
        const label = (
          <>
            <span className="mono model-tree__name">{property}</span>{' '}
            <TypeLabel type={propertyType} models={models} />
            {spec.required && <span className="tag tag--required">required</span>}
            {spec.readOnly && <span className="tag tag--optional">read-only</span>}
            {spec.canBeNull && <span className="tag tag--optional">nullable</span>}
            {spec.description && <span className="muted"> — {spec.description}</span>}
          </>
        );
        return (
          <li key={property}>
            {nested?.properties && depth + 1 < MAX_DEPTH && !inner.has(modelName(propertyType)) ? (
              <details>
                <summary>{label}</summary>
                <ModelBody type={propertyType} models={models} depth={depth + 1} seen={inner} />
              </details>
            ) : (
              label
            )}
          </li>
        );
      })}
    </ul>
  );
}
