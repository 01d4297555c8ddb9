// Taro's babel preset builds the app; jest uses swc and does not read this file.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
