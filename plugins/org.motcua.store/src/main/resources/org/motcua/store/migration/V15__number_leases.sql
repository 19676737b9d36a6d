-- Number leases from the province's feed (§5.6 numberLease) become number blocks: the lease's id lets a newer version
-- of a lease replace its block. Blocks without an id (none so far) stay as they were.
ALTER TABLE number_block ADD COLUMN lease_id UUID;
CREATE UNIQUE INDEX number_block_lease ON number_block (lease_id);
