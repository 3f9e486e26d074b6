/// <reference lib="dom" />
// A toolbar as the ARIA Authoring Practices describe it: one tab stop, arrow keys move between buttons,
// toggles say whether they are on with aria-pressed. Buttons that cannot act now stay focusable
// (aria-disabled), so moving through the toolbar never skips one without saying why.

export interface ToolbarButton {
  /** The accessible name, in Indonesian. */
  label: string;
  /** What the button shows, when shorter than its name. */
  text?: string;
  /** As aria-keyshortcuts spells it, e.g. "Control+B Meta+B". */
  shortcut?: string;
  run: () => void;
  /** Present on toggles: whether the format is on where the cursor is. */
  active?: () => boolean;
  enabled?: () => boolean;
}

export class ToolbarKeys {
  private readonly elements: HTMLButtonElement[] = [];
  private current = 0;

  constructor(
    toolbar: HTMLElement,
    private readonly buttons: ToolbarButton[],
    private readonly back: () => void,
  ) {
    buttons.forEach((spec, index) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'editor__button';
      button.textContent = spec.text ?? spec.label;
      button.setAttribute('aria-label', spec.label);
      if (spec.shortcut) button.setAttribute('aria-keyshortcuts', spec.shortcut);
      button.tabIndex = index === 0 ? 0 : -1;
      // Keeps the selection in the text when the button is pressed with a mouse or a finger.
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', () => {
        this.select(index);
        if (button.getAttribute('aria-disabled') === 'true') return;
        spec.run();
      });
      toolbar.appendChild(button);
      this.elements.push(button);
    });
    toolbar.addEventListener('keydown', (event) => this.onKey(event));
    this.refresh();
  }

  /** Brings aria-pressed and aria-disabled up to date with the editor. */
  refresh(): void {
    this.buttons.forEach((spec, index) => {
      const button = this.elements[index]!;
      if (spec.active) button.setAttribute('aria-pressed', String(spec.active()));
      if (spec.enabled) {
        if (spec.enabled()) button.removeAttribute('aria-disabled');
        else button.setAttribute('aria-disabled', 'true');
      }
    });
  }

  focus(): void {
    this.elements[this.current]?.focus();
  }

  /** Makes the button at `to` the toolbar's one tab stop. */
  private select(to: number): void {
    const count = this.elements.length;
    this.current = (to + count) % count;
    this.elements.forEach((button, index) => {
      button.tabIndex = index === this.current ? 0 : -1;
    });
  }

  private onKey(event: KeyboardEvent): void {
    const moves: Record<string, number> = {
      ArrowRight: this.current + 1,
      ArrowLeft: this.current - 1,
      Home: 0,
      End: this.elements.length - 1,
    };
    const to = moves[event.key];
    if (to !== undefined) {
      event.preventDefault();
      this.select(to);
      this.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.back();
    }
  }
}
