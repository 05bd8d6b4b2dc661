import { RemovalPolicy } from 'aws-cdk-lib';
import {
  type Attribute,
  AttributeType,
  BillingMode,
  Table,
} from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import {
  type KeyDefinition as CoreKey,
  TABLE_IDS,
  TABLES,
  type TableId,
} from '../../lambda/store/tables';

export interface PipelineTablesProps {
  /** Table names are `<namePrefix><id>`, e.g. `youtube-domain-pipeline-prod-videos`. */
  readonly namePrefix: string;
}

const key = (k: CoreKey): Attribute => ({
  name: k.name,
  type: k.type === 'N' ? AttributeType.NUMBER : AttributeType.STRING,
});

/**
 * The pipeline's tables, built from the definitions the store and the
 * offline setup use (lambda/store/tables.ts), so keys and indexes cannot
 * drift. Every table is the pipeline's only copy of what it has seen, so
 * each is protected three ways: point-in-time recovery, deletion
 * protection, and retained when the stack is deleted. On-demand billing:
 * the load comes in short bursts every few minutes, which provisioned
 * capacity would either throttle or pay for while idle.
 */
export class PipelineTables extends Construct {
  readonly tables: Readonly<Record<TableId, Table>>;

  constructor(scope: Construct, id: string, props: PipelineTablesProps) {
    super(scope, id);
    const tables = {} as Record<TableId, Table>;
    for (const tableId of TABLE_IDS) {
      const def = TABLES[tableId];
      const table = new Table(this, tableId, {
        tableName: `${props.namePrefix}${tableId}`,
        partitionKey: key(def.partitionKey),
        ...(def.sortKey ? { sortKey: key(def.sortKey) } : {}),
        billingMode: BillingMode.PAY_PER_REQUEST,
        pointInTimeRecoverySpecification: {
          pointInTimeRecoveryEnabled: true,
        },
        deletionProtection: true,
        removalPolicy: RemovalPolicy.RETAIN,
        ...(def.ttlAttribute ? { timeToLiveAttribute: def.ttlAttribute } : {}),
      });
      for (const index of def.indexes) {
        table.addGlobalSecondaryIndex({
          indexName: index.indexName,
          partitionKey: key(index.partitionKey),
          ...(index.sortKey ? { sortKey: key(index.sortKey) } : {}),
        });
      }
      tables[tableId] = table;
    }
    this.tables = tables;
  }
}
