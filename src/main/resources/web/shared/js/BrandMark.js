// The Parley mark and, below the name, the organisation it serves.
const logo = new URL('../img/parley.svg', import.meta.url).href;

export default {
  name: 'BrandMark',
  props: { organisation: String },
  setup() {
    return { logo };
  },
  template: `
    <div class="brand">
      <img :src="logo" alt="">
      <span>Parley<span class="org" v-if="organisation">{{ organisation }}</span></span>
    </div>`,
};
