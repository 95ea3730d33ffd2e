-- The meter store's tables (schema version 2). Instants are UTC held in plain TIMESTAMP columns: DuckDB's TIMESTAMPTZ
-- arithmetic depends on the session time zone (ICU), and China has no daylight saving, so a China day is simply
-- [d 00:00 +08:00, d+1 00:00 +08:00) = [d-1 16:00 UTC, d 16:00 UTC). Energy in kWh, voltage in V (phase-to-neutral),
-- current in A. Each reading keeps a quality flag so validation never silently drops data.
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL);

-- Interval readings of customer meters. kwh is the active energy of the interval [interval_start,
-- interval_start + interval_minutes), already multiplied by the CT ratio; negative is reverse flow (export).
-- quality: 'valid' | 'spike' | 'negative' | 'implausible' | 'estimated' (see MeterQuality).
CREATE TABLE IF NOT EXISTS readings (
    meter_no         VARCHAR   NOT NULL,
    interval_start   TIMESTAMP NOT NULL,
    interval_minutes SMALLINT  NOT NULL,
    kwh              DOUBLE,
    voltage_a        DOUBLE,
    voltage_b        DOUBLE,
    voltage_c        DOUBLE,
    current_a        DOUBLE,
    current_b        DOUBLE,
    current_c        DOUBLE,
    quality          VARCHAR   NOT NULL,
    batch_id         VARCHAR   NOT NULL
);

-- Interval readings of transformer terminals (配变终端/TTU): the energy into the transformer area and its LV voltage.
CREATE TABLE IF NOT EXISTS terminal_readings (
    transformer_code VARCHAR   NOT NULL,
    interval_start   TIMESTAMP NOT NULL,
    interval_minutes SMALLINT  NOT NULL,
    kwh              DOUBLE,
    voltage_a        DOUBLE,
    voltage_b        DOUBLE,
    voltage_c        DOUBLE,
    current_a        DOUBLE,
    current_b        DOUBLE,
    current_c        DOUBLE,
    quality          VARCHAR   NOT NULL,
    batch_id         VARCHAR   NOT NULL
);

-- Events of meters and terminals: 'powerOff', 'powerOn', 'coverOpen', 'clockError', 'voltageLoss', 'voltageRestored', …
CREATE TABLE IF NOT EXISTS meter_events (
    device_code VARCHAR   NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    kind        VARCHAR   NOT NULL,
    batch_id    VARCHAR   NOT NULL
);

-- One row per committed batch; content_hash makes a re-sent file or request a no-op.
CREATE TABLE IF NOT EXISTS import_batches (
    batch_id     VARCHAR   PRIMARY KEY,
    source       VARCHAR   NOT NULL,
    content_hash VARCHAR   NOT NULL UNIQUE,
    row_count    BIGINT    NOT NULL,
    imported_at  TIMESTAMP NOT NULL
);

-- The network as the analytics need it, copied from the relational database by MeterDirectory (replaced whole
-- whenever the network or the customers change), so analyses join inside DuckDB and never across databases.
CREATE TABLE IF NOT EXISTS meter_directory (
    meter_no         VARCHAR NOT NULL,
    customer_id      BIGINT,
    account_number   VARCHAR,
    category         VARCHAR,
    contracted_kva   DOUBLE,
    has_generation   BOOLEAN NOT NULL,
    phases           TINYINT NOT NULL,
    transformer_code VARCHAR NOT NULL,
    feeder_code      VARCHAR,
    substation_code  VARCHAR,
    org_unit_id      INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS transformer_directory (
    transformer_code VARCHAR NOT NULL,
    name             VARCHAR NOT NULL,
    rated_kva        DOUBLE  NOT NULL,
    feeder_code      VARCHAR,
    substation_code  VARCHAR,
    org_unit_id      INTEGER NOT NULL,
    area_type        VARCHAR NOT NULL
);

-- China days whose readings changed since they were last analysed; an import adds its days in the same transaction
-- as its readings, and the analysis removes a day once its derived tables are rebuilt.
CREATE TABLE IF NOT EXISTS analysis_queue (
    day       DATE      PRIMARY KEY,
    queued_at TIMESTAMP NOT NULL
);
