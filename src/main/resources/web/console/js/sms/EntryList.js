// Names and values (headers or parameters of the SMS gateway); a secret value is typed
// blind and comes back from the server as the mask, which keeps it when saved unchanged.
import { t } from '../../../shared/js/i18n.js';

export default {
  name: 'EntryList',
  props: { id: String, title: String, hint: String, entries: Array, mask: String },
  setup(props) {
    function add() {
      props.entries.push({ name: '', value: '', secret: false });
    }
    function remove(index) {
      props.entries.splice(index, 1);
    }
    return { add, remove, t };
  },
  template: `
    <fieldset class="entry-list" :id="id">
      <legend>{{ title }}</legend>
      <div class="hint muted small">{{ hint }}</div>
      <div class="row entry-row" v-for="(entry, index) in entries" :key="index">
        <div class="field">
          <label :for="id + '-name-' + index">{{ t('sms.entryName') }}</label>
          <input :id="id + '-name-' + index" type="text" v-model="entry.name" maxlength="100" spellcheck="false">
        </div>
        <div class="field grow-2">
          <label :for="id + '-value-' + index">{{ t('sms.entryValue') }}</label>
          <input :id="id + '-value-' + index" :type="entry.secret ? 'password' : 'text'" v-model="entry.value"
            maxlength="2000" spellcheck="false" autocomplete="off">
        </div>
        <label class="check entry-secret"><input type="checkbox" v-model="entry.secret"> {{ t('sms.entrySecret') }}</label>
        <button type="button" class="danger entry-remove" @click="remove(index)" :aria-label="t('sms.entryRemove')">{{ t('sms.entryRemove') }}</button>
      </div>
      <button type="button" class="entry-add" @click="add">{{ t('sms.entryAdd') }}</button>
    </fieldset>`,
};
