// Alert rules: each metric's threshold, duration and severity, whether it opens a fault
// record, how it tells (e-mail, text message) and whom (nobody chosen: everyone who
// monitors the system). One rule is edited at a time.
import { ref, onMounted } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get, put } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { formatValue, metricName, dimName } from './units.js';

export default {
  name: 'RulesTab',
  components: { ProblemMessage },
  setup() {
    const rules = ref([]);
    const recipients = ref([]);
    const editing = ref(null);
    const draft = ref(null);
    const problem = ref(null);
    const notice = ref('');
    const busy = ref(false);

    async function load() {
      try {
        const [list, people] = await Promise.all([get('/api/v1/operations/alert-rules'),
          get('/api/v1/operations/alert-recipients')]);
        rules.value = list;
        recipients.value = people;
      } catch (failure) {
        problem.value = failure;
      }
    }

    function edit(rule) {
      editing.value = rule.id;
      draft.value = { ...rule, recipients: [...rule.recipients], dim: rule.dim || '' };
      problem.value = null;
      notice.value = '';
    }

    async function save() {
      busy.value = true;
      problem.value = null;
      try {
        const d = draft.value;
        const saved = await put('/api/v1/operations/alert-rules/' + d.id, {
          dim: d.dim || null, comparison: d.comparison, threshold: d.threshold === '' ? null : Number(d.threshold),
          durationMinutes: d.durationMinutes === '' ? null : Number(d.durationMinutes), severity: d.severity,
          enabled: d.enabled, opensFault: d.opensFault, notifyEmail: d.notifyEmail, notifySms: d.notifySms,
          recipients: d.recipients, version: d.version,
        });
        rules.value = rules.value.map((rule) => (rule.id === saved.id ? saved : rule));
        editing.value = null;
        notice.value = t('status.rules.saved', { metric: metricName(saved.metric) });
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    const who = (rule) => (rule.recipients.length
      ? recipients.value.filter((r) => rule.recipients.includes(r.id)).map((r) => r.displayName).join(', ')
      : t('status.rules.everyone'));
    const how = (rule) => [rule.notifyEmail ? t('status.rules.email') : null, rule.notifySms ? t('status.rules.sms') : null]
      .filter(Boolean).join(' + ') || t('status.rules.nobody');
    onMounted(load);
    return { t, rules, recipients, editing, draft, problem, notice, busy, edit, save, who, how, formatValue,
      metricName, dimName };
  },
  template: `
    <div>
      <ProblemMessage :problem="problem" />
      <div class="notice" v-if="notice" role="status" id="rules-notice">{{ notice }}</div>
      <section class="card">
        <p class="muted small">{{ t('status.rules.intro') }}</p>
        <div class="table-wrap">
          <table id="alert-rules">
            <thead>
              <tr>
                <th>{{ t('status.rules.metric') }}</th><th>{{ t('status.rules.condition') }}</th>
                <th>{{ t('status.alerts.severity') }}</th><th>{{ t('status.rules.tells') }}</th><th></th>
              </tr>
            </thead>
            <tbody>
              <template v-for="rule in rules" :key="rule.id">
                <tr :data-rule="rule.metric" :class="{ muted: !rule.enabled }">
                  <td>{{ metricName(rule.metric) }}<span v-if="rule.dim"> · {{ dimName(rule.dim) }}</span>
                    <div v-if="!rule.enabled" class="small">{{ t('status.rules.off') }}</div></td>
                  <td>{{ t('status.rules.conditionText', { comparison: t('monitoring.comparison.' + rule.comparison),
                    threshold: formatValue(rule.threshold, rule.unit), minutes: rule.durationMinutes }) }}
                    <div v-if="rule.opensFault" class="small muted">{{ t('status.rules.opensFault') }}</div></td>
                  <td>{{ t('monitoring.severity.' + rule.severity) }}</td>
                  <td class="small wrap">{{ how(rule) }} → {{ who(rule) }}</td>
                  <td><button type="button" class="small" @click="edit(rule)" :id="'rule-edit-' + rule.metric">{{ t('status.rules.edit') }}</button></td>
                </tr>
                <tr v-if="editing === rule.id" class="rule-editor">
                  <td colspan="5">
                    <form class="form-grid" @submit.prevent="save" :id="'rule-form-' + rule.metric">
                      <label>{{ t('status.rules.comparison') }}
                        <select v-model="draft.comparison" name="comparison">
                          <option value="ABOVE">{{ t('monitoring.comparison.ABOVE') }}</option>
                          <option value="BELOW">{{ t('monitoring.comparison.BELOW') }}</option>
                        </select></label>
                      <label>{{ t('status.rules.threshold', { max: formatValue(rule.maxThreshold, rule.unit) }) }}
                        <input type="number" step="any" min="0" v-model="draft.threshold" name="threshold" required></label>
                      <label>{{ t('status.rules.duration') }}
                        <input type="number" min="1" max="1440" v-model="draft.durationMinutes" name="durationMinutes" required></label>
                      <label>{{ t('status.alerts.severity') }}
                        <select v-model="draft.severity" name="severity">
                          <option value="WARNING">{{ t('monitoring.severity.WARNING') }}</option>
                          <option value="CRITICAL">{{ t('monitoring.severity.CRITICAL') }}</option>
                        </select></label>
                      <label v-if="rule.dimension">{{ t('status.rules.dim') }}
                        <input v-model="draft.dim" name="dim" maxlength="64" :placeholder="t('status.rules.dimAny')"></label>
                      <label class="check"><input type="checkbox" v-model="draft.enabled" name="enabled"> {{ t('status.rules.enabled') }}</label>
                      <label class="check"><input type="checkbox" v-model="draft.opensFault" name="opensFault"> {{ t('status.rules.opensFaultOption') }}</label>
                      <label class="check"><input type="checkbox" v-model="draft.notifyEmail" name="notifyEmail"> {{ t('status.rules.email') }}</label>
                      <label class="check"><input type="checkbox" v-model="draft.notifySms" name="notifySms"> {{ t('status.rules.sms') }}</label>
                      <fieldset class="recipients">
                        <legend>{{ t('status.rules.recipients') }}</legend>
                        <label v-for="person in recipients" :key="person.id" class="check">
                          <input type="checkbox" :value="person.id" v-model="draft.recipients"> {{ person.displayName }}
                          <span v-if="!person.email" class="muted small">({{ t('status.rules.noEmail') }})</span></label>
                      </fieldset>
                      <div class="row">
                        <button type="submit" class="primary" :disabled="busy" id="rule-save">{{ t('status.rules.save') }}</button>
                        <button type="button" @click="editing = null">{{ t('status.rules.cancel') }}</button>
                      </div>
                    </form>
                  </td>
                </tr>
              </template>
            </tbody>
          </table>
        </div>
      </section>
    </div>`,
};
