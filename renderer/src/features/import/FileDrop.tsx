import { useState, type DragEvent } from 'react';
import { FilePickerButton } from '../../components/FilePickerButton';

/** Drop zone and file button; the button is the keyboard path (Enter or Space, or O). */
export function FileDrop({ onFile, busy }: { onFile: (f: File) => void; busy: boolean }) {
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
      <FilePickerButton primary inputLabel="CSV file to import" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values" onFile={onFile} disabled={busy} keyshortcut="o">
        Choose a file… <kbd>O</kbd>
      </FilePickerButton>
    </div>
  );
}
