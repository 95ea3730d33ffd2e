-- The meter store's tables (schema version 3). Instants are UTC held in plain TIMESTAMP columns: DuckDB's TIMESTAMPTZ
-- arithmetic depends on the session time zone (ICU), and China has no daylight saving, so a China day is simply
-- [d 00:00 +08:00, d+1 00:00 +08:00) = [d-1 16:00 UTC, d 16:00 UTC). Energy in kWh, voltage in V (phase-to-neutral),
-- current in A. Each reading keeps a quality flag so validation never silently drops data.
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL);

-- Quality flag of every stored reading (MeterQuality); an ENUM is stored as one byte, which matters at billions of rows.
CREATE TYPE IF NOT EXISTS reading_quality AS ENUM ('valid', 'estimated', 'spike', 'negative', 'implausible');

-- Interval energy of customer meters. kwh is the active energy of [interval_start, interval_start + interval_minutes),
-- already multiplied by the CT ratio; negative is reverse flow (export). Per-phase voltage and current live in
-- phase_readings: most meters report energy only, and empty columns cost a quarter of the load time.
CREATE TABLE IF NOT EXISTS readings (
    meter_no         VARCHAR         NOT NULL,
    interval_start   TIMESTAMP       NOT NULL,
    interval_minutes UTINYINT        NOT NULL,
    kwh              DOUBLE          NOT NULL,
    quality          reading_quality NOT NULL,
    batch_no         INTEGER         NOT NULL
);

-- Per-phase voltage (V, phase-to-neutral) and current (A) of the meters that report them, same interval keys.
CREATE TABLE IF NOT EXISTS phase_readings (
    meter_no         VARCHAR   NOT NULL,
    interval_start   TIMESTAMP NOT NULL,
    interval_minutes UTINYINT  NOT NULL,
    voltage_a        DOUBLE,
    voltage_b        DOUBLE,
    voltage_c        DOUBLE,
    current_a        DOUBLE,
    current_b        DOUBLE,
    current_c        DOUBLE,
    batch_no         INTEGER   NOT NULL
);

-- Which 15-minute slots of each meter's China day are stored (slot i = minutes [15i, 15i + 15) after 00:00 +08:00;
-- slots 0–63 are the bits of slots_lo, 64–95 those of slots_hi: two UBIGINTs aggregate twice as fast as a HUGEINT):
-- an import checks its own duplicates and its overlap with earlier batches here instead of against billions of rows,
-- and missing data (gaps) is read from it without scanning readings.
-- kwh and hours are the batch's energy and covered time that day: a meter's typical power for the spike check, and
-- daily energy per meter, without touching readings. The valid_ columns sum only the readings the analyses use
-- (flagged valid or estimated): import, export, highest power and covered minutes, so the daily analysis reads a
-- meter's day here instead of its 96 readings. Written by the import (after its flags are final) or by
-- MeterStore.RebuildDayIndexAsync; a row per batch, so a meter's day is the sum (max) of its rows.
CREATE TABLE IF NOT EXISTS meter_days (
    meter_no         VARCHAR  NOT NULL,
    day              DATE     NOT NULL,
    slots_lo         UBIGINT  NOT NULL,
    slots_hi         UBIGINT  NOT NULL,
    readings         SMALLINT NOT NULL,
    kwh              DOUBLE   NOT NULL,
    hours            DOUBLE   NOT NULL,
    batch_no         INTEGER  NOT NULL,
    valid_import_kwh DOUBLE   NOT NULL,
    valid_export_kwh DOUBLE   NOT NULL,
    valid_peak_kw    DOUBLE,
    valid_minutes    SMALLINT NOT NULL
);

-- The same for transformer terminals.
CREATE TABLE IF NOT EXISTS terminal_days (
    transformer_code VARCHAR  NOT NULL,
    day              DATE     NOT NULL,
    slots_lo         UBIGINT  NOT NULL,
    slots_hi         UBIGINT  NOT NULL,
    readings         SMALLINT NOT NULL,
    kwh              DOUBLE   NOT NULL,
    hours            DOUBLE   NOT NULL,
    batch_no         INTEGER  NOT NULL,
    valid_import_kwh DOUBLE   NOT NULL,
    valid_export_kwh DOUBLE   NOT NULL,
    valid_peak_kw    DOUBLE,
    valid_minutes    SMALLINT NOT NULL
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
    quality          reading_quality NOT NULL,
    batch_no         INTEGER   NOT NULL
);

-- Events of meters and terminals: 'powerOff', 'powerOn', 'coverOpen', 'clockError', 'voltageLoss', 'voltageRestored', …
CREATE TABLE IF NOT EXISTS meter_events (
    device_code VARCHAR   NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    kind        VARCHAR   NOT NULL,
    batch_no    INTEGER   NOT NULL
);

-- One row per committed batch; content_hash makes a re-sent file or request a no-op.
CREATE TABLE IF NOT EXISTS import_batches (
    batch_no     INTEGER   PRIMARY KEY,
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
