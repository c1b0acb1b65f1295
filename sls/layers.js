// The issuing function's layer: the two Noto Serif SC files (/opt/fonts) and subset-font (/opt/nodejs/node_modules),
// built by `npm run layers` into .cache/layers/fonts and published once per region (README, "Deploying"):
//   cd .cache/layers/fonts && zip -qr ../fonts.zip . && aws lambda publish-layer-version --layer-name yx-fonts \
//     --zip-file fileb://../fonts.zip --compatible-runtimes nodejs22.x --compatible-architectures arm64
// Its version ARN goes in FONTS_LAYER_ARN. (A `layers:` section in serverless.yml would need AWS credentials even to
// package: the framework compares the layer with the deployed stack's.) The local stage reads the fonts from npm.
module.exports = {
  fonts: async ({ options }) => {
    const stage = (options && options.stage) || 'local';
    if (stage === 'local') return [];
    const arn = process.env.FONTS_LAYER_ARN || '';
    if (!/^arn:aws(-cn)?:lambda:[\w-]+:\d{12}:layer:[\w-]+:\d+$/.test(arn)) {
      throw new Error('FONTS_LAYER_ARN must name the published fonts layer version (sls/layers.js, npm run layers)');
    }
    return [arn];
  },
};
