import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The filters of a list page, kept in the address so that "back" from a record returns to the same
 * list: the applied values (read from the address), the draft the filter form edits, apply and clear.
 */
export function useAddressFilters<Name extends string>(names: readonly Name[]) {
  const [searchParams, setSearchParams] = useSearchParams();
  const valuesOf = (read: (name: Name) => string) =>
    Object.fromEntries(names.map((name) => [name, read(name)])) as Record<Name, string>;
  const applied = valuesOf((name) => searchParams.get(name)?.trim() ?? '');
  const [draft, setDraft] = useState(applied);

  return {
    applied,
    /** The address's query, for a record page's link back to this very list. */
    query: searchParams.toString(),
    draft,
    setDraftValue: (name: Name) => (value: string) => setDraft((current) => ({ ...current, [name]: value })),
    apply(event: FormEvent<HTMLFormElement>) {
      event.preventDefault();
      const next = new URLSearchParams();
      for (const name of names) if (draft[name].trim()) next.set(name, draft[name].trim());
      setSearchParams(next);
    },
    clear() {
      setDraft(valuesOf(() => ''));
      setSearchParams(new URLSearchParams());
    },
  };
}
