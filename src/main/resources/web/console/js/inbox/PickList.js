// A small suggestion list above a text box (canned responses, @mentions): the owner keeps
// the keyboard (arrows, Enter/Tab, Escape) and the active index; a click picks. Items are
// { key, primary, secondary, detail }; each carries data-<attr>="<key>".
import { ref, watch, nextTick } from 'vue';

export default {
  name: 'PickList',
  props: {
    id: String,
    items: Array,
    active: { type: Number, default: 0 },
    attr: String,
    label: String,
    empty: String,
  },
  emits: ['pick', 'hover'],
  setup(props) {
    const list = ref(null);
    watch(() => props.active, () => nextTick(() => {
      const element = list.value && list.value.querySelector('li.active');
      if (element && element.scrollIntoView) element.scrollIntoView({ block: 'nearest' });
    }));
    const dataOf = (item) => ({ ['data-' + props.attr]: item.key });
    const optionId = (index) => props.id + '-option-' + index;
    return { list, dataOf, optionId };
  },
  template: `
    <div :id="id" class="suggest-list">
      <slot></slot>
      <ul ref="list" role="listbox" :aria-label="label" v-if="items.length"
        :aria-activedescendant="items.length ? optionId(active) : null">
        <li v-for="(item, index) in items" :key="item.key + ':' + index" :id="optionId(index)" role="option"
          :aria-selected="index === active" :class="{ active: index === active }" v-bind="dataOf(item)"
          @mousedown.prevent="$emit('pick', item)" @mouseenter="$emit('hover', index)">
          <div class="suggest-line"><strong class="suggest-primary">{{ item.primary }}</strong>
            <span v-if="item.secondary" class="suggest-secondary muted small">{{ item.secondary }}</span></div>
          <div v-if="item.detail" class="suggest-detail muted small">{{ item.detail }}</div>
        </li>
      </ul>
      <div v-else class="suggest-empty muted small">{{ empty }}</div>
    </div>`,
};
