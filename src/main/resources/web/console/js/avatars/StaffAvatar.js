// A staff member's avatar: the picture when they have one, else their initials on a circle
// whose colour comes from the name (the same person always gets the same colour).
import { computed } from 'vue';

/** Up to two initials: of the first two words, or the first letter (CJK names: the first character). */
export function initials(name) {
  const words = String(name || '').trim().split(/\s+/).filter(Boolean);
  if (!words.length) return '?';
  const first = Array.from(words[0])[0];
  const second = words.length > 1 ? Array.from(words[1])[0] : '';
  return (first + second).toUpperCase();
}

function hue(name) {
  let hash = 0;
  for (const ch of String(name || '')) hash = (hash * 31 + ch.codePointAt(0)) % 360;
  return hash;
}

export default {
  name: 'StaffAvatar',
  props: { name: String, url: String, size: { type: Number, default: 28 } },
  setup(props) {
    const style = computed(() => ({
      width: props.size + 'px', height: props.size + 'px', fontSize: Math.round(props.size * 0.4) + 'px',
      background: props.url ? 'transparent' : 'hsl(' + hue(props.name) + ', 45%, 40%)',
    }));
    const letters = computed(() => initials(props.name));
    return { style, letters };
  },
  template: `
    <img v-if="url" class="avatar" :src="url" alt="" :style="style" data-avatar="image">
    <span v-else class="avatar avatar-initials" :style="style" aria-hidden="true" data-avatar="initials">{{ letters }}</span>`,
};
