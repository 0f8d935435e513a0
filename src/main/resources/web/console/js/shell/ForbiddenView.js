// Shown instead of a screen the signed-in person has no permission for.
import { t } from '../../../shared/js/i18n.js';

export default {
  name: 'ForbiddenView',
  setup() {
    return { t };
  },
  template: `
    <div class="card empty" data-forbidden>
      <h1>{{ t('forbidden.title') }}</h1>
      <p>{{ t('forbidden.text') }}</p>
      <router-link :to="{ name: 'home' }">{{ t('nav.home') }}</router-link>
    </div>`,
};
