// The catalogue of notification templates: what each one is, who gets it, and in which
// languages the administrator changed Parley's text; a language opens the editor.
import { ref, onMounted } from 'vue';
import { t, tOr, LANGUAGES } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import TemplateEditor from './TemplateEditor.js';

export function templateName(key) {
  return tOr('notification.template.' + key, key);
}

export default {
  name: 'TemplatesTab',
  components: { ProblemMessage, TemplateEditor },
  setup() {
    const templates = ref([]);
    const problem = ref(null);
    const editing = ref(null);

    async function load() {
      try {
        templates.value = await get('/api/v1/notification-templates');
      } catch (failure) {
        problem.value = failure;
      }
    }

    onMounted(load);

    function open(key, language) {
      editing.value = { key, language };
    }

    function closeEditor() {
      editing.value = null;
      load();
    }

    return { templates, problem, editing, languages: LANGUAGES, open, closeEditor, templateName, t, tOr };
  },
  template: `
    <TemplateEditor v-if="editing" :template-key="editing.key" :language="editing.language"
      @close="closeEditor" @language="(language) => editing.language = language" />
    <div v-else>
      <p class="muted small">{{ t('templates.intro') }}</p>
      <ProblemMessage :problem="problem" />
      <div class="card table-wrap" style="padding:0">
        <table class="template-table stack-table">
          <thead>
            <tr><th>{{ t('templates.template') }}</th><th>{{ t('templates.audience') }}</th>
              <th>{{ t('templates.changed') }}</th><th>{{ t('templates.edit') }}</th></tr>
          </thead>
          <tbody>
            <tr v-for="template in templates" :key="template.key" :data-template="template.key">
              <td :data-label="t('templates.template')"><div class="cell"><strong>{{ templateName(template.key) }}</strong>
                <div class="small muted">{{ tOr('notification.template.' + template.key + '.about', '') }}</div></div></td>
              <td :data-label="t('templates.audience')"><div class="cell">{{ t('templates.audience.' + template.audience) }}</div></td>
              <td :data-label="t('templates.changed')"><div class="cell">
                <span v-for="language in template.changedLanguages" :key="language" class="badge warn"
                  :data-changed="language">{{ t('language.' + language) }}</span>
                <span v-if="!template.changedLanguages.length" class="muted small">{{ t('templates.asShipped') }}</span>
              </div></td>
              <td :data-label="t('templates.edit')" class="template-languages"><div class="cell">
                <button v-for="language in languages" :key="language" type="button" class="small"
                  :data-edit="template.key + '/' + language" @click="open(template.key, language)">{{ t('language.' + language) }}</button>
              </div></td>
            </tr>
          </tbody>
        </table>
      </div>
    </div>`,
};
