import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What could not be shown, for the message: "This card", "The agenda", "This screen". */
  label: string;
  /** Before "Try again" renders the children anew (e.g. forget code that failed to load). */
  onReset?: () => void;
  children: ReactNode;
}

/**
 * A render error stays where it happened: the card (or screen) says it could not be shown and
 * why, and everything around it keeps working. Without it React unmounts the whole app and the
 * manager sees a blank window.
 */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[ui] ${this.props.label} failed to render:`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="card render-error" role="alert" data-testid="render-error">
        <h2>{this.props.label} could not be shown</h2>
        <p>
          {codeNotLoaded(error)
            ? `Its code could not be loaded (${error.message}). If the workbench was just updated or stopped, reload the window.`
            : `Something in the data it shows could not be displayed (${error.message || error.name}).`}{' '}
          The rest of the workbench is fine and nothing was changed.
        </p>
        <button
          type="button"
          onClick={() => {
            this.props.onReset?.();
            this.setState({ error: null });
          }}
        >
          Try again
        </button>
      </section>
    );
  }
}

/** A screen's code that did not arrive (Chromium's and Electron's words for a failed dynamic import). */
const codeNotLoaded = (e: Error): boolean => /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(e.message);
