import { Match } from 'aws-cdk-lib/assertions';
import { TABLE_IDS, TABLES } from '../../lambda/store/tables';
import { templateFor } from './helpers/synth';

describe('PipelineTables', () => {
  const template = templateFor();

  it('creates one table per shared definition, named by stage', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', TABLE_IDS.length);
    for (const id of TABLE_IDS) {
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        TableName: `youtube-domain-pipeline-prod-${id}`,
      });
    }
  });

  it('protects every table: on-demand, PITR, deletion protection, retained', () => {
    const tables = template.findResources('AWS::DynamoDB::Table');
    for (const table of Object.values(tables)) {
      expect(table.DeletionPolicy).toBe('Retain');
      expect(table.UpdateReplacePolicy).toBe('Retain');
      expect(table.Properties).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      });
    }
  });

  it.each(TABLE_IDS)('gives the %s table its keys and indexes', (id) => {
    const def = TABLES[id];
    const keySchema = [
      { AttributeName: def.partitionKey.name, KeyType: 'HASH' },
      ...(def.sortKey
        ? [{ AttributeName: def.sortKey.name, KeyType: 'RANGE' }]
        : []),
    ];
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TableName: `youtube-domain-pipeline-prod-${id}`,
      KeySchema: keySchema,
      GlobalSecondaryIndexes:
        def.indexes.length === 0
          ? Match.absent()
          : def.indexes.map((index) => ({
              IndexName: index.indexName,
              KeySchema: [
                { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
                ...(index.sortKey
                  ? [{ AttributeName: index.sortKey.name, KeyType: 'RANGE' }]
                  : []),
              ],
              Projection: { ProjectionType: 'ALL' },
            })),
    });
  });

  it('sets TTL only on the attribute meant to expire', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TableName: 'youtube-domain-pipeline-prod-state',
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
    const withTtl = template.findResources('AWS::DynamoDB::Table', {
      Properties: { TimeToLiveSpecification: Match.anyValue() },
    });
    expect(Object.keys(withTtl)).toHaveLength(
      TABLE_IDS.filter((id) => TABLES[id].ttlAttribute).length,
    );
  });

  it('gives a staging stack its own tables', () => {
    templateFor({ stage: 'staging' }).hasResourceProperties(
      'AWS::DynamoDB::Table',
      { TableName: 'youtube-domain-pipeline-staging-videos' },
    );
  });
});
