/**
 * The builds stay valid: the WeChat package (sizes, boots without eval) and the deployable
 * serverless package for production (no development login, the table and per-function IAM).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bootInVm, packageSizes, problems } from './check-weapp';

const ROOT = path.resolve(__dirname, '..');
/** The published fonts layer a deployment names (sls/layers.js); any well-formed ARN will do for packaging. */
const FONTS_LAYER_ARN = 'arn:aws:lambda:ap-east-1:123456789012:layer:yx-fonts:1';
const FONTS_LAYER_ARN_CN = 'arn:aws-cn:lambda:cn-northwest-1:123456789012:layer:yx-fonts:1';
jest.setTimeout(240_000);

describe('WeChat build', () => {
  const dist = path.join(ROOT, 'miniapp/dist/weapp');
  beforeAll(() => {
    const r = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], {
      cwd: path.join(ROOT, 'miniapp'),
      encoding: 'utf8',
      env: { ...process.env, TARO_APP_STAGE: 'prod', TARO_APP_API_BASE: 'https://api.yuexiu.example', NODE_ENV: 'production' },
    });
    if (r.status !== 0) throw new Error(`weapp build failed:\n${r.stdout}\n${r.stderr}`);
  });

  it('keeps every package under 2 MB', () => {
    const sizes = packageSizes(dist);
    expect(Object.keys(sizes).length).toBeGreaterThanOrEqual(3);
    for (const [name, bytes] of Object.entries(sizes)) expect([name, bytes < 2 * 1024 * 1024]).toEqual([name, true]);
  });

  it('boots every page with string code generation disabled and parses with zod there', () => {
    const { pages, parsed } = bootInVm(dist);
    expect(problems).toEqual([]);
    expect(pages.length).toBeGreaterThanOrEqual(9);
    expect(parsed).toBe(true);
  });

  it('has no development login in a production build', () => {
    const login = fs.readFileSync(path.join(dist, 'pages/login/index.js'), 'utf8');
    expect(login).not.toContain('/v1/dev/login');
    expect(login).not.toContain('开发登录');
  });
});

describe('serverless package (production stage)', () => {
  const out = path.join(ROOT, '.cache/sls-prod');
  interface Statement {
    Action: string | string[];
    Resource: unknown;
  }
  let template: {
    Resources: Record<string, { Type: string; Properties: { Policies?: { PolicyDocument: { Statement: Statement[] } }[] } & Record<string, unknown> }>;
  };
  const actionsIn = (statements: Statement[]) => statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
  beforeAll(() => {
    fs.rmSync(out, { recursive: true, force: true });
    const r = spawnSync(path.join(ROOT, 'node_modules/.bin/serverless'), ['package', '--stage', 'prod', '--package', out], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DYNAMODB_ENDPOINT: '', ESBUILD_WORK_FOLDER: '.esbuild-package', FONTS_LAYER_ARN },
    });
    if (r.status !== 0) throw new Error(`serverless package failed:\n${r.stdout}\n${r.stderr}`);
    template = JSON.parse(fs.readFileSync(path.join(out, 'cloudformation-template-update-stack.json'), 'utf8'));
  });

  it('allows only the configured origins and the headers the client sends (CORS)', () => {
    const api = Object.values(template.Resources).find((r) => r.Type === 'AWS::ApiGatewayV2::Api') as unknown as {
      Properties: { CorsConfiguration: { AllowOrigins: string[]; AllowHeaders: string[] } };
    };
    const cors = api.Properties.CorsConfiguration;
    expect(cors.AllowOrigins).toEqual(['https://zwfw.yuexiu.example']);
    expect(cors.AllowOrigins).not.toContain('*');
    expect(cors.AllowHeaders.map((h) => h.toLowerCase())).toEqual(expect.arrayContaining(['authorization', 'content-type', 'idempotency-key']));
    const bucket = template.Resources.FilesBucket.Properties as unknown as {
      CorsConfiguration: { CorsRules: { AllowedOrigins: string[] }[] };
      VersioningConfiguration: { Status: string };
    };
    expect(bucket.CorsConfiguration.CorsRules[0].AllowedOrigins).toEqual(['https://zwfw.yuexiu.example']);
    expect(bucket.VersioningConfiguration.Status).toBe('Enabled'); // links pin the version checked at completion
  });

  it('keeps logs 180 days, throttles the API and raises alarms on 5xx, throttles and dead letters (issue 13)', () => {
    const groups = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Logs::LogGroup');
    expect(groups.length).toBeGreaterThan(5);
    for (const g of groups) expect((g.Properties as { RetentionInDays?: number }).RetentionInDays).toBeGreaterThanOrEqual(180);
    const stage = template.Resources.HttpApiStage.Properties as { DefaultRouteSettings?: { ThrottlingRateLimit?: number; ThrottlingBurstLimit?: number } };
    expect(stage.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: expect.any(Number), ThrottlingBurstLimit: expect.any(Number) });
    const alarms = Object.values(template.Resources)
      .filter((r) => r.Type === 'AWS::CloudWatch::Alarm')
      .map((r) => (r.Properties as { MetricName: string }).MetricName);
    expect(alarms).toEqual(expect.arrayContaining(['5xx', 'Throttles', 'Errors', 'ApproximateNumberOfMessagesVisible']));
  });

  it('writes API access logs and keeps the failed runs of every scheduled job in a dead-letter queue it may write to (issue 13)', () => {
    const access = (template.Resources.HttpApiStage.Properties as { AccessLogSettings?: { Format: string } }).AccessLogSettings;
    expect(access?.Format).toContain('$context.requestId');
    expect(access?.Format).not.toMatch(/authorization|requestBody/i);
    const scheduled = Object.entries(template.Resources)
      .filter(([, r]) => r.Type === 'AWS::Events::Rule')
      .map(([, r]) => JSON.stringify(r.Properties).match(/"(\w+)LambdaFunction"/)![1]);
    expect(scheduled.length).toBeGreaterThanOrEqual(5);
    for (const fn of new Set(scheduled)) {
      const conf = template.Resources[`${fn}LambdaEvConf`]?.Properties as { DestinationConfig?: { OnFailure: { Destination: unknown } } } | undefined;
      expect([fn, conf?.DestinationConfig?.OnFailure.Destination]).toEqual([fn, { 'Fn::GetAtt': ['JobsDeadLetters', 'Arn'] }]);
      const role = template.Resources[`${fn}IamRoleLambdaExecution`];
      expect([fn, actionsIn((role.Properties.Policies ?? []).flatMap((p) => p.PolicyDocument.Statement))]).toEqual([
        fn,
        expect.arrayContaining(['sqs:SendMessage']),
      ]);
    }
  });

  it('gives no function a secret in its configuration: only the names of SecureString parameters read at cold start (issue 13)', () => {
    const fns = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function');
    const SECRET_NAMES = ['SESSION_SECRET', 'PII_HASH_SECRET', 'PII_DATA_KEYS', 'WECHAT_SECRET', 'WECHAT_APPID', 'OPEN311_API_KEYS', 'LOCAL_FILES_SECRET'];
    for (const [name, f] of fns) {
      const vars = (f.Properties.Environment as { Variables: Record<string, string> }).Variables;
      for (const n of SECRET_NAMES) expect([name, n, vars[n] ?? '']).toEqual([name, n, '']);
      expect(JSON.stringify(vars)).not.toMatch(/local-only|resolve:ssm/);
      // everything but the health check and the public catalogue reads people's rows: it unwraps the data keys
      if (!/^(Meta|Guide)LambdaFunction$/.test(name))
        expect([name, vars.SECRET_PARAMS]).toEqual([name, expect.stringContaining('PII_DATA_KEYS=/yx/prod/pii-data-keys')]);
    }
    const identity = fns.find(([k]) => k === 'IdentityLambdaFunction')![1].Properties.Environment as { Variables: Record<string, string> };
    expect(identity.Variables.SECRET_PARAMS.split(',').map((p) => p.split('=')[0])).toEqual(
      expect.arrayContaining(['SESSION_SECRET', 'PII_HASH_SECRET', 'WECHAT_APPID', 'WECHAT_SECRET']),
    );
    const key = template.Resources.PiiKey.Properties as { EnableKeyRotation: boolean };
    expect(key.EnableKeyRotation).toBe(true);
    const roles = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::IAM::Role');
    for (const [name, role] of roles) {
      const statements = (role.Properties.Policies ?? []).flatMap((p) => p.PolicyDocument.Statement);
      expect([name, actionsIn(statements)]).toEqual([name, expect.arrayContaining(['kms:Decrypt', 'ssm:GetParameters'])]);
      expect(JSON.stringify(statements)).not.toContain('arn:aws:'); // the partition comes from the stack: China is arn:aws-cn
    }
  });

  it('packages each function on nodejs22.x without the development login', () => {
    const fns = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function');
    const names = fns.map(([k]) => k);
    expect(names).toEqual(expect.arrayContaining(['GuideLambdaFunction', 'IdentityLambdaFunction', 'MetaLambdaFunction']));
    expect(names.some((n) => /dev/i.test(n))).toBe(false);
    for (const [, f] of fns) expect(f.Properties.Runtime).toBe('nodejs22.x');
    const zips = fs.readdirSync(out).filter((f) => f.endsWith('.zip'));
    expect(zips.length).toBe(fns.length);
    for (const z of zips) expect(fs.statSync(path.join(out, z)).size).toBeLessThan(1024 * 1024);
  });

  it('keeps pdf-lib and the fonts in the issuing functions and the credit poster, with their layer, only (issues 15, 20)', () => {
    type Fn = { Layers?: unknown[]; Environment: { Variables: Record<string, string> } };
    const fns = Object.fromEntries(Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function')) as unknown as Record<
      string,
      { Properties: Fn }
    >;
    const issuing = fns.DocumentsIssueLambdaFunction?.Properties;
    expect(issuing.Layers).toEqual([FONTS_LAYER_ARN]);
    expect(issuing.Environment.Variables).toMatchObject({ FONTS_DIR: '/opt/fonts', SECRET_PARAMS: expect.stringContaining('SEAL_KEYS=/yx/prod/seal-keys') });
    // the 信用码公示牌 draws a PDF with the fonts, but seals nothing: the layer, no sealing keys
    const poster = fns.CreditPosterLambdaFunction?.Properties;
    expect(poster.Layers).toEqual([FONTS_LAYER_ARN]);
    expect(poster.Environment.Variables).toMatchObject({
      FONTS_DIR: '/opt/fonts',
      SECRET_PARAMS: expect.stringContaining('SESSION_SECRET=/yx/prod/session-secret'),
    });
    const SEALING = ['DocumentsIssueLambdaFunction', 'DocumentsNoticesLambdaFunction'];
    const PDF_FUNCTIONS = [...SEALING, 'CreditPosterLambdaFunction'];
    for (const [name, f] of Object.entries(fns)) {
      if (!PDF_FUNCTIONS.includes(name)) expect([name, f.Properties.Layers ?? []]).toEqual([name, []]);
      if (SEALING.includes(name)) continue;
      expect([name, f.Properties.Environment.Variables.SECRET_PARAMS ?? '']).toEqual([name, expect.not.stringContaining('SEAL_KEYS')]);
    }
    // verifying needs no PDF library, nor do the credit profiles and ratings: their bundles stay small (pdf-lib and
    // fontkit alone are ~500 KiB zipped: the poster's zip is ~790 KiB, credit's ~280 KiB)
    expect(fs.statSync(path.join(out, 'documents.zip')).size).toBeLessThan(300 * 1024);
    expect(fs.statSync(path.join(out, 'credit.zip')).size).toBeLessThan(500 * 1024);
  });

  it('declares the table on demand with point-in-time recovery and its index', () => {
    const table = template.Resources.Table.Properties as {
      BillingMode: string;
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: boolean };
      GlobalSecondaryIndexes: { IndexName: string }[];
    };
    expect(table.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled).toBe(true);
    expect(table.GlobalSecondaryIndexes.map((i) => i.IndexName)).toEqual(['gsi1', 'gsi2', 'gsi3']);
  });

  it('gives each function its own role with only what it needs', () => {
    const roles = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::IAM::Role');
    const actionsOf = (name: string) => {
      const role = roles.find(([k]) => k.toLowerCase().includes(name));
      return actionsIn(role?.[1].Properties.Policies?.flatMap((p) => p.PolicyDocument.Statement) ?? []);
    };
    expect(actionsOf('guide')).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
    expect(actionsOf('guide')).not.toContain('dynamodb:PutItem');
    expect(actionsOf('identity')).toContain('dynamodb:PutItem');
    expect(actionsOf('guide').some((a: string) => a === 'dynamodb:Scan')).toBe(false);
  });

  /**
   * What each function's code calls, its role must allow (or production answers AccessDenied, a 500):
   * the DynamoDB commands in its bundle, and the indexes it queries. No Scan anywhere but in the nightly
   * reconciliation job (it rebuilds every counter from the records).
   */
  it('allows every function what its code calls, and no Scan outside the reconciliation job', async () => {
    const { build } = await import('esbuild');
    const { load, FAILSAFE_SCHEMA } = await import('js-yaml');
    const fns = load(fs.readFileSync(path.join(ROOT, 'sls/functions.yml'), 'utf8'), { schema: FAILSAFE_SCHEMA }) as Record<string, { handler: string }>;
    const NEEDS: [RegExp, string[]][] = [
      [/\bGetCommand\b/, ['dynamodb:GetItem']],
      [/\bBatchGetCommand\b/, ['dynamodb:BatchGetItem']],
      [/\bQueryCommand\b/, ['dynamodb:Query']],
      [/\bPutCommand\b/, ['dynamodb:PutItem']],
      [/\bUpdateCommand\b/, ['dynamodb:UpdateItem']],
      [/\bDeleteCommand\b/, ['dynamodb:DeleteItem']],
      [/\bBatchWriteCommand\b/, ['dynamodb:BatchWriteItem']],
      [/\bScanCommand\b/, ['dynamodb:Scan']],
    ];
    // a transaction needs the action of each kind of item it writes
    const TRANSACT: [RegExp, string][] = [
      [/\bPut: \{/, 'dynamodb:PutItem'],
      [/\bUpdate: \{/, 'dynamodb:UpdateItem'],
      [/\bDelete: \{/, 'dynamodb:DeleteItem'],
      [/\bConditionCheck: \{/, 'dynamodb:ConditionCheckItem'],
    ];
    const missing: string[] = [];
    for (const [name, def] of Object.entries(fns)) {
      // a function without statements of its own runs with the service's default role
      const role = template.Resources[`${name[0].toUpperCase()}${name.slice(1)}IamRoleLambdaExecution`] ?? template.Resources.IamRoleLambdaExecution;
      const statements = (role.Properties.Policies ?? []).flatMap((p) => p.PolicyDocument.Statement);
      const actions = new Set<string>(actionsIn(statements));
      const resources = JSON.stringify(statements.map((st) => st.Resource));
      const bundled = await build({
        entryPoints: [path.join(ROOT, `${def.handler.replace(/\.[^.]+$/, '')}.ts`)],
        bundle: true,
        write: false,
        platform: 'node',
        format: 'cjs',
        external: ['@aws-sdk/*'],
        logLevel: 'silent',
      });
      const code = bundled.outputFiles[0].text;
      expect([name, /\bScanCommand\b/.test(code)]).toEqual([name, name === 'countersReconcile']);
      for (const [used, need] of NEEDS) if (used.test(code)) for (const a of need) if (!actions.has(a)) missing.push(`${name}: ${a}`);
      if (/\bTransactWriteCommand\b/.test(code)) for (const [used, a] of TRANSACT) if (used.test(code) && !actions.has(a)) missing.push(`${name}: ${a}`);
      for (const index of new Set([...code.matchAll(/IndexName: "(gsi\d)"/g)].map((m) => m[1])))
        if (!resources.includes(`/index/${index}`)) missing.push(`${name}: index ${index}`);
    }
    expect(missing).toEqual([]);
  });
});

/**
 * Mainland China (issue 13): the China partition (cn-northwest-1, arn:aws-cn, amazonaws.com.cn) with the district's
 * ICP-filed domains for the API and the files, which WeChat requires; packaged offline like production.
 */
describe('serverless package (China partition with custom domains)', () => {
  const out = path.join(ROOT, '.cache/sls-cn');
  const DOMAINS = {
    API_DOMAIN: 'api.zwfw.yuexiu.gov.cn',
    API_CERT_ARN: 'arn:aws-cn:acm:cn-northwest-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
    FILES_DOMAIN: 'files.zwfw.yuexiu.gov.cn',
    FILES_CERT: 'ASCAEXAMPLEIAMCERTID',
    CORS_ORIGINS: 'https://zwfw.yuexiu.gov.cn',
  };
  const pack = (env: Record<string, string>) =>
    spawnSync(path.join(ROOT, 'node_modules/.bin/serverless'), ['package', '--stage', 'cn', '--region', 'cn-northwest-1', '--package', out], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DYNAMODB_ENDPOINT: '', ESBUILD_WORK_FOLDER: '.esbuild-package', FONTS_LAYER_ARN: FONTS_LAYER_ARN_CN, ...env },
    });
  let template: { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
  beforeAll(() => {
    fs.rmSync(out, { recursive: true, force: true });
    const r = pack(DOMAINS);
    if (r.status !== 0) throw new Error(`serverless package failed:\n${r.stdout}\n${r.stderr}`);
    template = JSON.parse(fs.readFileSync(path.join(out, 'cloudformation-template-update-stack.json'), 'utf8'));
  });

  it('maps the API to its ICP-filed domain and serves files from theirs, with the links signed for that domain', () => {
    const domain = template.Resources.ApiDomain.Properties as {
      DomainName: string;
      DomainNameConfigurations: { CertificateArn: string; EndpointType: string }[];
    };
    expect(domain.DomainName).toBe(DOMAINS.API_DOMAIN);
    expect(domain.DomainNameConfigurations[0]).toMatchObject({ CertificateArn: DOMAINS.API_CERT_ARN, EndpointType: 'REGIONAL' });
    expect(template.Resources.ApiDomainMapping.Properties).toMatchObject({ ApiId: { Ref: 'HttpApi' }, DomainName: DOMAINS.API_DOMAIN });
    const cdn = (template.Resources.FilesDistribution.Properties as { DistributionConfig: Record<string, unknown> }).DistributionConfig as {
      Aliases: string[];
      ViewerCertificate: { IamCertificateId?: string };
      DefaultCacheBehavior: { ForwardedValues: { QueryString: boolean; Headers: string[] }; AllowedMethods: string[]; MaxTTL: number };
    };
    expect(cdn.Aliases).toEqual([DOMAINS.FILES_DOMAIN]);
    expect(cdn.ViewerCertificate.IamCertificateId).toBe(DOMAINS.FILES_CERT); // CloudFront in China takes IAM certificates
    expect(cdn.DefaultCacheBehavior.ForwardedValues.QueryString).toBe(true); // the presigned query reaches S3
    expect(cdn.DefaultCacheBehavior.ForwardedValues.Headers).not.toContain('Host'); // and S3's host, which it was signed for
    expect(cdn.DefaultCacheBehavior.AllowedMethods).toContain('POST');
    expect(cdn.DefaultCacheBehavior.MaxTTL).toBe(0);
    const fn = template.Resources.FilesLambdaFunction.Properties as { Environment: { Variables: Record<string, string> } };
    expect(fn.Environment.Variables.FILES_ORIGIN).toBe(`https://${DOMAINS.FILES_DOMAIN}`);
    expect(fn.Environment.Variables.SECRET_PARAMS).toContain('/yx/cn/');
  });

  it('keeps the production protections there too: no secret values, alarms, 180-day logs, throttling, the CORS origins', () => {
    const res = Object.values(template.Resources);
    for (const f of res.filter((r) => r.Type === 'AWS::Lambda::Function')) {
      const vars = (f.Properties.Environment as { Variables: Record<string, string> }).Variables;
      // (LOCAL_FILES_SECRET is declared for every stage, empty outside the local one)
      expect(Object.entries(vars).filter(([k, v]) => /SECRET|PII_|WECHAT_APPID|OPEN311_API_KEYS/.test(k) && k !== 'SECRET_PARAMS' && v)).toEqual([]);
    }
    const alarms = res.filter((r) => r.Type === 'AWS::CloudWatch::Alarm').map((r) => (r.Properties as { MetricName: string }).MetricName);
    expect(alarms).toEqual(expect.arrayContaining(['5xx', 'Errors', 'Throttles', 'ApproximateNumberOfMessagesVisible']));
    for (const g of res.filter((r) => r.Type === 'AWS::Logs::LogGroup'))
      expect((g.Properties as { RetentionInDays: number }).RetentionInDays).toBeGreaterThanOrEqual(180);
    expect((template.Resources.HttpApiStage.Properties as { DefaultRouteSettings: object }).DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: expect.any(Number),
    });
    const api = res.find((r) => r.Type === 'AWS::ApiGatewayV2::Api')!.Properties as { CorsConfiguration: { AllowOrigins: string[] } };
    expect(api.CorsConfiguration.AllowOrigins).toEqual([DOMAINS.CORS_ORIGINS]);
  });

  it('names no other partition, and refuses to package for China without the domains WeChat needs', () => {
    const text = JSON.stringify(template);
    expect(text).not.toMatch(/arn:aws:/);
    // AWS hosts named: only service principals (the same in China); endpoints come from the region (amazonaws.com.cn)
    expect([...new Set(text.match(/[a-z0-9.-]*amazonaws\.com[a-z.]*/g))].sort()).toEqual([
      'apigateway.amazonaws.com',
      'events.amazonaws.com',
      'lambda.amazonaws.com',
    ]);
    expect(Object.values(template.Resources).some((r) => r.Type === 'AWS::Lambda::Function' && /dev/i.test(JSON.stringify(r.Properties.Handler)))).toBe(false);
    const r = pack({ ...DOMAINS, API_DOMAIN: '' });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('ICP');
  });
});

describe('types', () => {
  it.each(['shared', 'functions', 'scripts', 'miniapp'])('%s type-checks', (project) => {
    const r = spawnSync(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', project, '--noEmit'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
