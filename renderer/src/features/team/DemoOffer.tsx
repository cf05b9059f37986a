import { useState } from 'react';
import { call } from '../../api/client';
import { toast, toastError } from '../../app/toasts';

/** First-run offer: a realistic demo team to explore every screen with. */
export function DemoOffer() {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const r = await call('demo.load', { seed: 42 });
          toast(`Demo team loaded: ${r.reps} reps and ${r.deals} deals.`);
        } catch (err) {
          toastError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      {busy ? 'Loading demo team…' : 'Load the demo team'}
    </button>
  );
}
