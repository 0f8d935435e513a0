// An unknown console address.
import { t } from '../../../shared/js/i18n.js';

export default {
  name: 'NotFoundView',
  setup() {
    return { t };
  },
  template: `
    <div class="card empty">
      <h1>{{ t('notFound.title') }}</h1>
      <router-link :to="{ name: 'home' }">{{ t('nav.home') }}</router-link>
    </div>`,
};
