// Custom domains. WeChat accepts only HTTPS domains registered in the mini-program console (request, uploadFile and
// downloadFile 合法域名), and in mainland China each must be ICP-filed (ICP备案): the API and the files then live on the
// district's own names instead of amazonaws.com(.cn) ones.
//   API_DOMAIN + API_CERT_ARN      the API (an API Gateway regional custom domain, ACM certificate in the same region)
//   FILES_DOMAIN + FILES_CERT      the files (a CloudFront distribution in front of the bucket; FILES_CERT is an ACM
//                                  certificate ARN (us-east-1) outside China, an IAM server certificate id in China)
// Without them the stage uses the default endpoints. In the China partition (cn-north-1, cn-northwest-1) the default
// endpoints are not usable from WeChat, so there both are required.
const isChina = (region) => /^cn-/.test(region || '');

function config(options) {
  const region = (options && options.region) || 'ap-east-1';
  const stage = (options && options.stage) || 'local';
  const c = {
    region,
    stage,
    apiDomain: process.env.API_DOMAIN || '',
    apiCert: process.env.API_CERT_ARN || '',
    filesDomain: process.env.FILES_DOMAIN || '',
    filesCert: process.env.FILES_CERT || '',
  };
  if (stage === 'local') return { ...c, apiDomain: '', filesDomain: '' };
  if (c.apiDomain && !c.apiCert) throw new Error('API_DOMAIN needs API_CERT_ARN (an ACM certificate for it in the same region)');
  if (c.filesDomain && !c.filesCert) throw new Error('FILES_DOMAIN needs FILES_CERT (ACM in us-east-1, or an IAM server certificate id in China)');
  if (isChina(region) && (!c.apiDomain || !c.filesDomain)) {
    throw new Error('In the China partition set API_DOMAIN and FILES_DOMAIN (ICP-filed names, as WeChat requires) with their certificates');
  }
  return c;
}

function resources(c) {
  const Resources = {};
  const Outputs = {};
  if (c.apiDomain) {
    Resources.ApiDomain = {
      Type: 'AWS::ApiGatewayV2::DomainName',
      Properties: {
        DomainName: c.apiDomain,
        DomainNameConfigurations: [{ CertificateArn: c.apiCert, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' }],
      },
    };
    Resources.ApiDomainMapping = {
      Type: 'AWS::ApiGatewayV2::ApiMapping',
      DependsOn: ['ApiDomain', 'HttpApiStage'],
      Properties: { ApiId: { Ref: 'HttpApi' }, DomainName: c.apiDomain, Stage: '$default' },
    };
    // point the API's DNS name (CNAME) here
    Outputs.ApiDomainTarget = { Value: { 'Fn::GetAtt': ['ApiDomain', 'RegionalDomainName'] } };
  }
  if (c.filesDomain) {
    const viewerCertificate = isChina(c.region)
      ? { IamCertificateId: c.filesCert, SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2018' }
      : { AcmCertificateArn: c.filesCert, SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' };
    Resources.FilesDistribution = {
      Type: 'AWS::CloudFront::Distribution',
      Properties: {
        DistributionConfig: {
          Enabled: true,
          Aliases: [c.filesDomain],
          ViewerCertificate: viewerCertificate,
          Origins: [
            {
              Id: 'files',
              DomainName: { 'Fn::GetAtt': ['FilesBucket', 'RegionalDomainName'] },
              S3OriginConfig: { OriginAccessIdentity: '' },
            },
          ],
          // presigned URLs pass through: every query string to S3, the viewer's Host never (the signature names S3's),
          // nothing cached (each link is personal and short-lived), POST for the uploads
          DefaultCacheBehavior: {
            TargetOriginId: 'files',
            ViewerProtocolPolicy: 'https-only',
            AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'],
            CachedMethods: ['GET', 'HEAD'],
            ForwardedValues: { QueryString: true, Headers: ['Origin', 'Access-Control-Request-Method', 'Access-Control-Request-Headers'] },
            MinTTL: 0,
            DefaultTTL: 0,
            MaxTTL: 0,
          },
          HttpVersion: 'http2',
        },
      },
    };
    Outputs.FilesDomainTarget = { Value: { 'Fn::GetAtt': ['FilesDistribution', 'DomainName'] } };
  }
  return { Resources, Outputs };
}

module.exports = {
  config,
  resources: async ({ options }) => resources(config(options)),
  // what the functions put in the links they sign: the files' public origin (empty: the bucket's own endpoint)
  filesOrigin: async ({ options }) => {
    const c = config(options);
    return c.filesDomain ? `https://${c.filesDomain}` : '';
  },
};
