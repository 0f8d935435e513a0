// Switches the console's language; the choice is kept in this browser.
import { ref, watch } from 'vue';
import { t, language, useLanguage, LANGUAGES } from '../../../shared/js/i18n.js';

export default {
  name: 'LanguageSelect',
  inheritAttrs: false,
  props: { id: String },
  setup() {
    const chosen = ref(language());
    watch(language, (value) => { chosen.value = value; });
    async function change() {
      await useLanguage(chosen.value, true);
    }
    return { chosen, change, t, LANGUAGES };
  },
  template: `
    <select :id="id" v-model="chosen" @change="change" :aria-label="t('nav.language')">
      <option v-for="tag in LANGUAGES" :key="tag" :value="tag">{{ t('language.' + tag) }}</option>
    </select>`,
};
