// Edit an account's labels (issuer, name, group, note, favourite) or delete it (with confirmation,
// then an Undo toast). The secret and code parameters are not editable: a wrong secret would
// silently make wrong codes, so changing them means adding the account again.
import { h, uniqueId } from './dom.js';
import { t } from '../i18n/i18n.js';
import { openDialog, confirmDialog } from './dialog.js';
import { field, checkbox } from './form-field.js';
import { showToast } from './announcer.js';
import { groupNames } from '../accounts/account-order.js';
import { accountLabel } from '../accounts/account-label.js';

function textField(label, attributes, hint) {
  return field({ label, hint, input: h('input', { type: 'text', autocomplete: 'off', ...attributes }) });
}

export class EditDialog {
  constructor({ app, session, entry }) {
    this.app = app;
    this.session = session;
    this.entry = entry;
  }

  open() {
    const { entry, session, app } = this;
    const titleId = uniqueId('edit-title');
    const listId = uniqueId('groups');
    return openDialog({
      labelledBy: titleId,
      build: (close) => {
        const issuer = textField(t('field.issuer'), { value: entry.issuer, maxlength: 200 });
        const name = textField(t('field.name'), { value: entry.name, maxlength: 200 });
        const groupInput = { value: entry.group ?? '', list: listId, maxlength: 100 };
        const group = textField(t('field.group'), groupInput, t('field.groupHint'));
        const noteInput = h('textarea', { value: entry.note ?? '', maxlength: 1000, rows: 3 });
        const note = field({ label: t('field.note'), input: noteInput });
        const favourite = checkbox({ label: t('field.favourite'), checked: Boolean(entry.favourite) });
        const status = h('p', { role: 'alert', class: 'problem' });
        const form = h('form', { novalidate: true },
          h('h2', { id: titleId, text: t('edit.title') }),
          issuer.element, name.element, group.element,
          h('datalist', { id: listId }, groupNames(session.entries).map((value) => h('option', { value }))),
          note.element, favourite.element, status,
          h('div', { class: 'button-row' },
            h('button', { type: 'submit', class: 'button primary', text: t('common.save') }),
            h('button', { type: 'button', class: 'button', text: t('common.cancel'), onclick: () => close() }),
            h('button', { type: 'button', class: 'button danger', text: t('edit.delete'), onclick: async () => {
              if (await this.#delete()) close();
            } })));
        form.addEventListener('submit', async (event) => {
          event.preventDefault();
          if (!name.input.value.trim() && !issuer.input.value.trim()) {
            name.setProblem(t('edit.needName'));
            name.input.focus();
            return;
          }
          const result = await session.update(entry.id, {
            issuer: issuer.input.value.trim(), name: name.input.value.trim(), group: group.input.value.trim(),
            note: note.input.value, favourite: favourite.input.checked,
          });
          if (result.error) {
            status.textContent = app.describeError(result.error);
            return;
          }
          showToast(t('edit.saved'));
          close(true);
        });
        return form;
      },
    });
  }

  async #delete() {
    const { entry, session, app } = this;
    const label = accountLabel(entry);
    const sure = await confirmDialog({
      title: t('delete.title'),
      message: t('delete.message', { account: label }),
      confirmLabel: t('delete.confirm'),
      danger: true,
    });
    if (!sure) return false;
    const result = await session.remove(entry.id);
    if (result.error) {
      showToast(app.describeError(result.error));
      return false;
    }
    showToast(t('delete.done', { account: label }), {
      timeout: 10_000,
      action: {
        label: t('delete.undo'),
        hint: t('delete.undoHint'),
        run: async () => {
          const undone = await session.undoDelete();
          showToast(undone.error ? app.describeError(undone.error) : t('delete.restored', { account: label }));
        },
      },
    });
    return true;
  }
}
