/** The local YouTube Data API v3 replica: see ./server.ts. */
export type { Fault } from './faults';
export type { ReplicaQuotaOptions } from './quota';
export {
  type Replica,
  type ReplicaCall,
  type ReplicaOptions,
  startReplica,
} from './server';
