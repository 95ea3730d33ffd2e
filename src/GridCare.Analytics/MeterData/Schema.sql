-- The meter store's tables. Instants are UTC (TIMESTAMPTZ holds them as such); energy in kWh, voltage in V,
-- current in A. Each reading keeps a quality flag so validation never silently drops data.
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMPTZ NOT NULL);

CREATE TABLE IF NOT EXISTS readings (
    meter_no        VARCHAR     NOT NULL,
    interval_start  TIMESTAMPTZ NOT NULL,
    interval_minutes SMALLINT   NOT NULL,
    kwh             DOUBLE,
    voltage_a       DOUBLE,
    voltage_b       DOUBLE,
    voltage_c       DOUBLE,
    current_a       DOUBLE,
    current_b       DOUBLE,
    current_c       DOUBLE,
    quality         VARCHAR     NOT NULL,
    batch_id        VARCHAR     NOT NULL
);

CREATE TABLE IF NOT EXISTS meter_events (
    meter_no    VARCHAR     NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    kind        VARCHAR     NOT NULL,
    batch_id    VARCHAR     NOT NULL
);

CREATE TABLE IF NOT EXISTS import_batches (
    batch_id     VARCHAR     PRIMARY KEY,
    source       VARCHAR     NOT NULL,
    content_hash VARCHAR     NOT NULL UNIQUE,
    row_count    BIGINT      NOT NULL,
    imported_at  TIMESTAMPTZ NOT NULL
);
