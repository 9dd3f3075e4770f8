// The ribbon's 校验全县 / 清除标注 run in the same runtime as the pane (shared runtime). When the pane is mounted
// they drive it, so the clerk sees the progress and results; before it mounts they run the pipeline directly.
export interface PaneActions {
  validate(): Promise<void>;
  clear(): Promise<void>;
  showError(message: string): void;
}

export class PaneBridge {
  private actions: PaneActions | null = null;
  /** A ribbon failure from before the pane mounted, shown by the pane as soon as it does. */
  private pending: string | null = null;

  constructor(private readonly fallback: PaneActions) {}

  /** Set by the mounted pane, cleared when it unmounts. */
  get current(): PaneActions | null {
    return this.actions;
  }

  set current(actions: PaneActions | null) {
    this.actions = actions;
    if (actions && this.pending !== null) {
      actions.showError(this.pending);
      this.pending = null;
    }
  }

  validate(): Promise<void> {
    return (this.current ?? this.fallback).validate();
  }

  clear(): Promise<void> {
    return (this.current ?? this.fallback).clear();
  }

  showError(message: string): void {
    if (this.actions) return this.actions.showError(message);
    this.pending = message;
    this.fallback.showError(message);
  }
}
