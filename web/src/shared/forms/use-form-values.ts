import { useState } from 'react';

/** A form's values in one state: `set(name)` gives the onChange of that field, `reset` restores `initial`. */
export function useFormValues<Values extends object>(initial: Values) {
  const [values, setValues] = useState(initial);
  const set =
    <Name extends keyof Values>(name: Name) =>
    (value: Values[Name]) =>
      setValues((current) => ({ ...current, [name]: value }));
  const reset = () => setValues(initial);
  return { values, set, reset };
}
