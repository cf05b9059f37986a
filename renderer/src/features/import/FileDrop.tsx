import { useRef, useState, type DragEvent } from 'react';

/** Drop zone and file button; the button is the keyboard path (Enter or Space, or O). */
export function FileDrop({ onFile, busy }: { onFile: (f: File) => void; busy: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const f = e.dataTransfer.files[0];
    if (f) onFile(f);
  };
  return (
    <div
      className={over ? 'drop-zone drop-over' : 'drop-zone'}
      onDragOver={(e) => (e.preventDefault(), setOver(true))}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid="drop-zone"
    >
      <p className="drop-title">Drop a CSV export here</p>
      <p className="subtle">
        Salesforce reports (labels or API names, footer and all), HubSpot deal exports, or any CSV with a header row: comma, semicolon or
        tab separated.
      </p>
      <button type="button" className="primary" onClick={() => input.current?.click()} disabled={busy} aria-keyshortcuts="o">
        Choose a file… <kbd>O</kbd>
      </button>
      <input
        ref={input}
        type="file"
        accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
        className="visually-hidden"
        aria-label="CSV file to import"
        tabIndex={-1}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onFile(f);
          e.target.value = '';
        }}
      />
    </div>
  );
}
