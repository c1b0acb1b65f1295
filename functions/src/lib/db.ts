import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { env } from './env';

let doc: DynamoDBDocumentClient | undefined;

/** One document client per container; locally it talks to DynamoDB Local. */
export function db(): DynamoDBDocumentClient {
  if (!doc) {
    const endpoint = env.dynamoEndpoint;
    const client = new DynamoDBClient(
      endpoint
        ? { endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 3 }
        : { maxAttempts: 3 },
    );
    doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }
  return doc;
}

export const table = () => env.tableName;
