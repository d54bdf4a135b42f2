import type { ReactNode } from 'react';

type SubmitButtonProps = {
  isPending: boolean;
  pendingLabel: string;
  children: ReactNode;
};

/** Stays focusable while pending (aria-disabled rather than disabled) so focus is never lost. */
export function SubmitButton({ isPending, pendingLabel, children }: SubmitButtonProps) {
  return (
    <button
      type="submit"
      className="button button--primary"
      aria-disabled={isPending || undefined}
      onClick={(event) => {
        if (isPending) event.preventDefault();
      }}
    >
      {isPending ? pendingLabel : children}
    </button>
  );
}
