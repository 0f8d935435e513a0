// A password Parley stores and never shows again: the box stays empty and says "stored"
// while one is; what is typed replaces it; "Remove" clears it on the next save. The value
// to send is secretValue(state): null keeps the stored one, "" removes it.
import { t } from '../../../shared/js/i18n.js';

export function secretState() {
  return { typed: '', remove: false };
}

export function secretValue(state) {
  if (state.typed !== '') return state.typed;
  return state.remove ? '' : null;
}

export default {
  name: 'SecretField',
  props: {
    id: { type: String, required: true },
    label: { type: String, required: true },
    stored: { type: Boolean, default: false },
    state: { type: Object, required: true },
    error: { type: String, default: '' },
  },
  setup() {
    return { t };
  },
  template: `
    <div class="field">
      <label :for="id">{{ label }}</label>
      <div class="secret-field">
        <input :id="id" type="password" autocomplete="new-password" maxlength="500" v-model="state.typed"
          :placeholder="stored && !state.remove ? t('mail.password.stored') : ''"
          :data-secret-stored="stored && !state.remove ? 'true' : null"
          :aria-invalid="error ? 'true' : 'false'" :aria-describedby="id + '-hint'">
        <button v-if="stored && !state.remove" type="button" :data-secret-remove="id"
          @click="state.remove = true; state.typed = ''">{{ t('mail.password.remove') }}</button>
        <button v-if="state.remove" type="button" class="link" @click="state.remove = false">{{ t('mail.password.keep') }}</button>
      </div>
      <div class="hint" :id="id + '-hint'">{{ state.remove ? t('mail.password.removing')
        : (stored ? t('mail.password.storedHint') : t('mail.password.hint')) }}</div>
      <div v-if="error" class="field-error" :data-error-for="id">{{ error }}</div>
    </div>`,
};
