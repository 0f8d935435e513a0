// The ticket categories, top level with their subcategories (one level): added under a
// parent or at the top, renamed in place, deleted after a question. Refusals (a name taken,
// a category in use or with subcategories) are shown translated.
import { ref, computed, onMounted } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get, post, put, del } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import ConfirmDelete from './ConfirmDelete.js';

export default {
  name: 'CategoriesTab',
  components: { ProblemMessage, ConfirmDelete },
  setup() {
    const categories = ref([]);
    const problem = ref(null);
    const name = ref('');
    const parentId = ref('');
    const renaming = ref(null);
    const newName = ref('');
    const deleting = ref(null);
    const busy = ref(false);
    async function load() {
      const answer = await get('/api/v1/ticket-categories');
      categories.value = Array.isArray(answer) ? answer : answer.items || [];
    }
    onMounted(() => load().catch((failure) => { problem.value = failure; }));
    const tops = computed(() => categories.value.filter((c) => !c.parentId));
    const childrenOf = (id) => categories.value.filter((c) => c.parentId === id);
    async function run(action) {
      problem.value = null;
      busy.value = true;
      try {
        await action();
        await load();
        return true;
      } catch (failure) {
        problem.value = failure;
        return false;
      } finally {
        busy.value = false;
      }
    }
    const add = () => run(async () => {
      await post('/api/v1/ticket-categories', { name: name.value.trim(), parentId: parentId.value || null });
      name.value = '';
    });
    function startRename(c) {
      renaming.value = c.id;
      newName.value = c.name;
    }
    const rename = (c) => run(async () => {
      await put('/api/v1/ticket-categories/' + c.id, { name: newName.value.trim(), parentId: c.parentId,
        position: c.position });
      renaming.value = null;
    });
    async function remove() {
      const c = deleting.value;
      deleting.value = null;
      await run(() => del('/api/v1/ticket-categories/' + c.id));
    }
    return { categories, tops, childrenOf, problem, name, parentId, renaming, newName, deleting, busy, add,
      startRename, rename, remove, t };
  },
  template: `
    <section class="card" id="ticket-categories">
      <h2>{{ t('ticketSettings.tab.categories') }}</h2>
      <p class="muted small">{{ t('ticketSettings.categories.hint') }}</p>
      <ProblemMessage :problem="problem" />
      <p v-if="!categories.length" class="muted" id="category-empty">{{ t('ticketSettings.categories.none') }}</p>
      <ul v-else id="category-list" class="category-list">
        <template v-for="top in tops" :key="top.id">
          <li v-for="c in [top, ...childrenOf(top.id)]" :key="c.id" :data-category="c.name" :data-category-id="c.id"
            :class="{ sub: !!c.parentId }">
            <form v-if="renaming === c.id" class="inline-form" @submit.prevent="rename(c)">
              <input type="text" v-model="newName" maxlength="80" required data-rename-input
                :aria-label="t('ticketSettings.name')">
              <button type="submit" class="primary small" data-rename-save :disabled="busy">{{ t('action.save') }}</button>
              <button type="button" class="small" @click="renaming = null">{{ t('action.cancel') }}</button>
            </form>
            <template v-else>
              <span class="category-name">{{ c.name }}</span>
              <span class="category-actions">
                <button type="button" class="link small" data-rename @click="startRename(c)">{{ t('ticketSettings.rename') }}</button>
                <button type="button" class="link small" data-delete @click="deleting = c">{{ t('action.delete') }}</button>
              </span>
            </template>
          </li>
        </template>
      </ul>
      <form id="category-form" class="toolbar" @submit.prevent="add">
        <div class="grow"><label for="category-name">{{ t('ticketSettings.name') }}</label>
          <input type="text" id="category-name" v-model="name" maxlength="80" required></div>
        <div><label for="category-parent">{{ t('ticketSettings.categories.parent') }}</label>
          <select id="category-parent" v-model="parentId">
            <option value="">{{ t('ticketSettings.categories.top') }}</option>
            <option v-for="c in tops" :key="c.id" :value="c.id">{{ c.name }}</option>
          </select></div>
        <button type="submit" id="category-add" class="primary" :disabled="busy">{{ t('ticketSettings.categories.add') }}</button>
      </form>
      <ConfirmDelete v-if="deleting" :name="deleting.name" @confirm="remove" @close="deleting = null" />
    </section>`,
};
