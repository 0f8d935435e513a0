// Shows a problem from the server as translated text: the headline from its code, then
// the fields or password rules it names.
import { computed } from 'vue';
import { t, tOr, tCount, formatInstant } from './i18n.js';

export function describe(problem) {
  if (!problem) return null;
  const body = problem.body || {};
  const code = problem.code || 'internal_error';
  const params = {
    until: formatInstant(body.retryAt),
    permission: body.permission ? tOr('permission.' + body.permission, body.permission) : '',
    retryAfterSeconds: body.retryAfterSeconds,
  };
  // a rate limit's wait in whole seconds, in the plural the language needs
  const title = body.retryAfterSeconds
    ? tCount('error.' + code, body.retryAfterSeconds, params)
    : t('error.' + code, params);
  const details = [];
  if (Array.isArray(body.errors)) {
    for (const error of body.errors) {
      details.push(tOr('field.' + error.field, error.field) + ': ' + error.message);
    }
  }
  if (Array.isArray(body.violations)) {
    for (const violation of body.violations) {
      details.push(t('password.violation.' + violation, {
        minLength: body.minLength, requiredClasses: body.requiredClasses,
      }));
    }
  }
  return { title: title === 'error.' + code ? (problem.message || code) : title, details };
}

export default {
  name: 'ProblemMessage',
  props: { problem: Object },
  setup(props) {
    const described = computed(() => describe(props.problem));
    return { described };
  },
  template: `
    <div v-if="described" class="problem" role="alert">
      <strong>{{ described.title }}</strong>
      <ul v-if="described.details.length">
        <li v-for="(detail, index) in described.details" :key="index">{{ detail }}</li>
      </ul>
    </div>`,
};
