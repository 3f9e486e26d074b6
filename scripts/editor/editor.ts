/// <reference lib="dom" />
// The post body editor: turns <textarea data-editor="html"> into a TipTap editor with a toolbar and writes
// the HTML back into the textarea on every change, so the form posts it as before (the server sanitises
// it either way). Without JavaScript, or when the body holds something the editor cannot keep (a table,
// an image), the plain textarea stays. Built into public/js/editor.js by `npm run build:editor`.
import { Editor, Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin } from '@tiptap/pm/state';
import { StarterKit } from '@tiptap/starter-kit';
import { ToolbarKeys, type ToolbarButton } from './toolbar.js';

/** Tags the editor's schema reads back unchanged; anything else in a stored body would be lost. */
const KEPT_TAGS = new Set([
  'P',
  'BR',
  'STRONG',
  'B',
  'EM',
  'I',
  'U',
  'S',
  'A',
  'UL',
  'OL',
  'LI',
  'H2',
  'H3',
  'H4',
  'BLOCKQUOTE',
  'HR',
  'CODE',
  'PRE',
]);

/** Links the editor makes or keeps: web and mail addresses, and paths on this site. */
const ALLOWED_HREF = /^(?:https?:\/\/|mailto:|\/(?!\/))/i;

function editable(html: string): boolean {
  // A <template> parses without running scripts or loading images.
  const template = document.createElement('template');
  template.innerHTML = html;
  const elements = template.content.querySelectorAll('*');
  for (let i = 0; i < elements.length; i++) {
    if (!KEPT_TAGS.has(elements[i]!.tagName)) return false;
  }
  return true;
}

/**
 * The sanitiser drops `start`/`type` on lists and the language class on code blocks, so the editor never
 * keeps them: what the writer sees is what gets published.
 */
const PlainAttributes = Extension.create({
  name: 'plainAttributes',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        appendTransaction(transactions, _old, state) {
          if (!transactions.some((tr) => tr.docChanged)) return null;
          const tr = state.tr;
          state.doc.descendants((node: ProseMirrorNode, pos: number) => {
            const name = node.type.name;
            if (name === 'orderedList' && (node.attrs.start !== 1 || node.attrs.type)) {
              tr.setNodeMarkup(pos, undefined, { ...node.attrs, start: 1, type: null });
            } else if (name === 'codeBlock' && node.attrs.language) {
              tr.setNodeMarkup(pos, undefined, { ...node.attrs, language: null });
            }
          });
          return tr.docChanged ? tr : null;
        },
      }),
    ];
  },
});

/** Accepts what a person types into the link prompt: a web or mail address; null when it is neither. */
export function normaliseUrl(input: string): string | null {
  const url = input.trim();
  if (/^(?:https?:\/\/|mailto:)\S+$/i.test(url)) return url;
  if (/^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/.test(url)) return `mailto:${url}`;
  if (/^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/?#]\S*)?$/i.test(url)) return `https://${url}`;
  return null;
}

function setLink(editor: Editor): void {
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';
  const answer = window.prompt('Alamat tautan (https://… atau alamat email):', current || 'https://');
  if (answer === null) return;
  if (answer.trim() === '' || answer.trim() === 'https://') {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    return;
  }
  const href = normaliseUrl(answer);
  if (!href) {
    window.alert('Alamat tautan harus diawali http://, https:// atau mailto:.');
    return;
  }
  const { empty } = editor.state.selection;
  if (empty && !editor.isActive('link')) {
    // Nothing selected: the address itself becomes the linked text.
    editor
      .chain()
      .focus()
      .insertContent({
        type: 'text',
        text: href.replace(/^mailto:/i, ''),
        marks: [{ type: 'link', attrs: { href } }],
      })
      .run();
    return;
  }
  editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
}

function buttons(editor: Editor): ToolbarButton[] {
  const chain = () => editor.chain().focus();
  return [
    {
      label: 'Tebal',
      shortcut: 'Control+B Meta+B',
      run: () => chain().toggleBold().run(),
      active: () => editor.isActive('bold'),
    },
    {
      label: 'Miring',
      shortcut: 'Control+I Meta+I',
      run: () => chain().toggleItalic().run(),
      active: () => editor.isActive('italic'),
    },
    {
      // Not just "Judul": that is the post's title field on the same form.
      label: 'Judul bagian',
      text: 'Judul',
      run: () => chain().toggleHeading({ level: 2 }).run(),
      active: () => editor.isActive('heading', { level: 2 }),
    },
    {
      label: 'Subjudul',
      run: () => chain().toggleHeading({ level: 3 }).run(),
      active: () => editor.isActive('heading', { level: 3 }),
    },
    {
      label: 'Daftar berbutir',
      run: () => chain().toggleBulletList().run(),
      active: () => editor.isActive('bulletList'),
    },
    {
      label: 'Daftar bernomor',
      run: () => chain().toggleOrderedList().run(),
      active: () => editor.isActive('orderedList'),
    },
    {
      label: 'Kutipan',
      run: () => chain().toggleBlockquote().run(),
      active: () => editor.isActive('blockquote'),
    },
    { label: 'Tautan', run: () => setLink(editor) },
    {
      label: 'Hapus tautan',
      run: () => chain().extendMarkRange('link').unsetLink().run(),
      enabled: () => editor.isActive('link'),
    },
    {
      label: 'Urungkan',
      shortcut: 'Control+Z Meta+Z',
      run: () => chain().undo().run(),
      enabled: () => editor.can().undo(),
    },
    {
      label: 'Ulangi',
      shortcut: 'Control+Y Meta+Y',
      run: () => chain().redo().run(),
      enabled: () => editor.can().redo(),
    },
  ];
}

/** The HTML to post: nothing for an empty body (so "required" still works), no empty trailing paragraphs. */
function bodyHtml(editor: Editor): string {
  if (editor.isEmpty) return '';
  return editor.getHTML().replace(/(?:<p><\/p>)+$/, '');
}

function enhance(textarea: HTMLTextAreaElement): void {
  if (!editable(textarea.value)) return;
  const label = textarea.id ? document.querySelector<HTMLLabelElement>(`label[for="${textarea.id}"]`) : null;

  const wrapper = document.createElement('div');
  wrapper.className = 'editor';
  const toolbar = document.createElement('div');
  toolbar.className = 'editor__toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute(
    'aria-label',
    `Format ${(label?.firstChild?.textContent?.trim() || 'isi').toLowerCase()}`,
  );
  if (textarea.id) toolbar.setAttribute('aria-controls', `${textarea.id}-editor`);
  wrapper.appendChild(toolbar);
  textarea.after(wrapper);

  const attributes: Record<string, string> = {
    id: `${textarea.id}-editor`,
    class: 'editor__content',
    role: 'textbox',
    'aria-multiline': 'true',
  };
  if (label?.id) attributes['aria-labelledby'] = label.id;
  else attributes['aria-label'] = 'Isi';
  for (const name of ['aria-describedby', 'aria-invalid']) {
    const value = textarea.getAttribute(name);
    if (value) attributes[name] = value;
  }

  const editor = new Editor({
    element: wrapper,
    // The CSP allows no inline style: ProseMirror's few rules are in main.css instead.
    injectCSS: false,
    content: textarea.value,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        // A drop cursor is drawn with inline styles, and a gap cursor only serves images and tables.
        dropcursor: false,
        gapcursor: false,
        link: {
          openOnClick: false,
          defaultProtocol: 'https',
          // No target or rel of our own: the sanitiser drops target and sets rel itself.
          HTMLAttributes: { target: null, rel: null, class: null },
          isAllowedUri: (url) => ALLOWED_HREF.test(url),
        },
      }),
      PlainAttributes,
    ],
    editorProps: { attributes },
  });

  const keys = new ToolbarKeys(toolbar, buttons(editor), () => editor.commands.focus());
  const sync = () => {
    textarea.value = bodyHtml(editor);
    keys.refresh();
  };
  editor.on('update', sync);
  editor.on('transaction', () => keys.refresh());
  textarea.form?.addEventListener('submit', sync);
  textarea.classList.add('textarea--enhanced');

  editor.view.dom.addEventListener('keydown', (event) => {
    // Alt+F10 reaches the toolbar from the text, as in most editors.
    if (event.altKey && event.key === 'F10') {
      event.preventDefault();
      keys.focus();
    }
  });
  // The label and the error summary's link point at the hidden textarea: send them to the editor.
  label?.addEventListener('click', (event) => {
    event.preventDefault();
    editor.commands.focus();
  });
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (link && textarea.id && link.getAttribute('href') === `#${textarea.id}`) {
      event.preventDefault();
      wrapper.scrollIntoView();
      editor.commands.focus();
    }
  });
}

const areas = document.querySelectorAll<HTMLTextAreaElement>('textarea[data-editor="html"]');
for (let i = 0; i < areas.length; i++) enhance(areas[i]!);
