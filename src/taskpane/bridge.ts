// The ribbon's 校验全县 / 清除标注 run in the same runtime as the pane (shared runtime). When the pane is mounted
// they drive it, so the clerk sees the progress and results; before it mounts they run the pipeline directly.
export interface PaneActions {
  validate(): Promise<void>;
  clear(): Promise<void>;
  showError(message: string): void;
}

export class PaneBridge {
  /** Set by the mounted pane, cleared when it unmounts. */
  current: PaneActions | null = null;

  constructor(private readonly fallback: PaneActions) {}

  validate(): Promise<void> {
    return (this.current ?? this.fallback).validate();
  }

  clear(): Promise<void> {
    return (this.current ?? this.fallback).clear();
  }

  showError(message: string): void {
    (this.current ?? this.fallback).showError(message);
  }
}
