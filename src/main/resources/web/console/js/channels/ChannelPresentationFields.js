// What visitors see of a channel, in the channel editor: the public title (instead of the
// internal name), the logo (uploaded at once for a saved channel) and, per language, the
// greeting, the away message and the pre-chat introduction. The editor owns `form` and
// saves it with the channel; empty texts leave the widget's own wording.
import { ref } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { upload, del } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';

export const LANGUAGES = ['en', 'zh-CN', 'zh-TW'];
const KINDS = ['greeting', 'awayMessage', 'prechatIntro'];

/** An empty presentation form, or one filled from the server's view. */
export function presentationForm(view) {
  const texts = {};
  for (const language of LANGUAGES) {
    const given = (view && view.texts && view.texts[language]) || {};
    texts[language] = Object.fromEntries(KINDS.map((kind) => [kind, given[kind] || '']));
  }
  return { publicTitle: (view && view.publicTitle) || '', texts, logoUrl: (view && view.logoUrl) || null };
}

/** The body of PUT /api/v1/channels/{id}/presentation. */
export function presentationBody(form) {
  const texts = {};
  for (const language of LANGUAGES) {
    texts[language] = Object.fromEntries(KINDS.map((kind) => [kind, form.texts[language][kind].trim() || null]));
  }
  return { publicTitle: form.publicTitle.trim() || null, texts };
}

export default {
  name: 'ChannelPresentationFields',
  components: { ProblemMessage },
  props: { form: Object, channelId: Number },
  setup(props) {
    const language = ref(LANGUAGES[0]);
    const problem = ref(null);
    const busy = ref(false);
    const chooser = ref(null);

    async function chosen(event) {
      const file = event.target.files && event.target.files[0];
      event.target.value = '';
      if (!file) return;
      problem.value = null;
      busy.value = true;
      try {
        const data = new FormData();
        data.append('file', file);
        const view = await upload('/api/v1/channels/' + props.channelId + '/logo', data);
        props.form.logoUrl = view.logoUrl;
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    async function removeLogo() {
      problem.value = null;
      busy.value = true;
      try {
        await del('/api/v1/channels/' + props.channelId + '/logo');
        props.form.logoUrl = null;
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    return { language, languages: LANGUAGES, kinds: KINDS, problem, busy, chooser, chosen, removeLogo, t };
  },
  template: `
    <fieldset class="presentation">
      <legend>{{ t('channels.presentation') }}</legend>
      <div class="hint muted small">{{ t('channels.presentationHint') }}</div>
      <div class="field">
        <label for="channel-public-title">{{ t('channels.publicTitle') }}</label>
        <input id="channel-public-title" type="text" v-model="form.publicTitle" maxlength="100">
        <div class="hint">{{ t('channels.publicTitleHint') }}</div>
      </div>
      <div class="field">
        <span class="label">{{ t('channels.logo') }}</span>
        <div class="logo-row">
          <img v-if="form.logoUrl" id="channel-logo-preview" class="logo-preview" :src="form.logoUrl" alt="">
          <span v-else class="logo-preview logo-none" aria-hidden="true"></span>
          <template v-if="channelId">
            <input id="channel-logo-input" ref="chooser" type="file" accept="image/png,image/jpeg,image/gif"
              hidden @change="chosen">
            <button id="channel-logo-upload" type="button" :disabled="busy" @click="chooser && chooser.click()">
              {{ form.logoUrl ? t('channels.logoReplace') : t('channels.logoUpload') }}</button>
            <button v-if="form.logoUrl" id="channel-logo-remove" type="button" class="link" :disabled="busy"
              @click="removeLogo">{{ t('channels.logoRemove') }}</button>
          </template>
          <span v-else class="muted small">{{ t('channels.logoAfterSave') }}</span>
        </div>
        <div class="hint">{{ t('channels.logoHint') }}</div>
        <ProblemMessage :problem="problem" />
      </div>
      <div class="lang-tabs" role="tablist" :aria-label="t('channels.textsLanguage')">
        <button v-for="item in languages" :key="item" type="button" role="tab" :id="'channel-texts-tab-' + item"
          :aria-selected="item === language ? 'true' : 'false'" :class="{ active: item === language }"
          @click="language = item">{{ t('language.' + item) }}</button>
      </div>
      <div class="field" v-for="kind in kinds" :key="language + kind">
        <label :for="'channel-text-' + kind">{{ t('channels.text.' + kind) }}</label>
        <textarea :id="'channel-text-' + kind" :data-language="language" v-model="form.texts[language][kind]"
          rows="2" maxlength="500"></textarea>
        <div class="hint">{{ t('channels.text.' + kind + '.hint') }}</div>
      </div>
    </fieldset>`,
};
