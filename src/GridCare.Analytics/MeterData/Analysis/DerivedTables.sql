-- The meter analyses' derived tables (owned by MeterData/Analysis; created by MeterStore.InitializeAsync after
-- Schema.sql). Every row belongs to one China day `day`; DailyAnalysis rebuilds a day's rows whole in one
-- transaction, so re-running a day replaces them. Powers in kW / kVA, energy in kWh, durations in minutes.

-- Each transformer's load on the 15-minute grid: from its terminal (TTU) when the terminal reported the slot,
-- else the sum of its meters. kva is apparent power (see LoadModel for kWh → kVA); load_rate = kva / rated_kva.
CREATE TABLE IF NOT EXISTS transformer_intervals (
    day                 DATE      NOT NULL,
    transformer_code    VARCHAR   NOT NULL,
    slot_start          TIMESTAMP NOT NULL,
    source              VARCHAR   NOT NULL, -- 'terminal' | 'meters' | 'none'
    kw                  DOUBLE,
    kva                 DOUBLE,
    load_rate           DOUBLE,
    imbalance           DOUBLE,           -- (max − min) / max of the terminal's phase currents; null without them
    terminal_voltage_min DOUBLE,
    terminal_voltage_max DOUBLE,
    meters_kw           DOUBLE,           -- the meters' sum; computed only where the terminal left gaps
    meters_reporting    INTEGER,          -- meters with a usable reading covering the slot (same condition)
    meters_expected     INTEGER   NOT NULL  -- meters of the transformer in the directory
);

-- One row per meter and day: energy, peak, load factor, voltage time within and outside the GB/T 12325 limits.
CREATE TABLE IF NOT EXISTS meter_analysis_days (
    day               DATE    NOT NULL,
    meter_no          VARCHAR NOT NULL,
    customer_id       BIGINT,
    transformer_code  VARCHAR NOT NULL,
    has_generation    BOOLEAN NOT NULL,
    import_kwh        DOUBLE  NOT NULL,
    export_kwh        DOUBLE  NOT NULL, -- reverse flow, positive kWh (flagged 'negative' readings included)
    peak_kw           DOUBLE,
    minutes_reported  INTEGER NOT NULL,
    load_factor       DOUBLE,           -- average kW over the minutes reported / peak kW
    voltage_minutes   INTEGER NOT NULL, -- minutes with a voltage reading while supplied
    within_minutes    INTEGER NOT NULL,
    low_minutes       INTEGER NOT NULL,
    high_minutes      INTEGER NOT NULL,
    voltage_min       DOUBLE,           -- the extremes, recorded for meters that were outside a limit (else null)
    voltage_max       DOUBLE,
    zero_voltage_minutes INTEGER NOT NULL,
    longest_zero_minutes INTEGER NOT NULL -- longest run of zero energy while supplied
);

-- One row per transformer and day: load, imbalance, voltage compliance, line loss and data completeness.
CREATE TABLE IF NOT EXISTS transformer_days (
    day                 DATE    NOT NULL,
    transformer_code    VARCHAR NOT NULL,
    name                VARCHAR NOT NULL,
    rated_kva           DOUBLE  NOT NULL,
    feeder_code         VARCHAR,
    substation_code     VARCHAR,
    org_unit_id         INTEGER NOT NULL,
    area_type           VARCHAR NOT NULL,
    terminal_slots      INTEGER NOT NULL, -- slots the load came from the terminal
    meter_slots         INTEGER NOT NULL, -- slots it came from the meters' sum
    peak_kva            DOUBLE,
    peak_load_rate      DOUBLE,
    peak_at             TIMESTAMP,
    average_load_rate   DOUBLE,
    heavy_minutes       INTEGER NOT NULL, -- above the heavy-load rate (overload minutes included)
    overload_minutes    INTEGER NOT NULL,
    max_imbalance       DOUBLE,
    imbalance_minutes   INTEGER NOT NULL, -- minutes above the imbalance threshold
    meters_expected     INTEGER NOT NULL,
    meters_reporting    INTEGER NOT NULL,
    voltage_minutes     BIGINT  NOT NULL,
    within_minutes      BIGINT  NOT NULL,
    voltage_compliance  DOUBLE,           -- within / voltage minutes over the transformer's meters
    low_voltage_meters  INTEGER NOT NULL, -- meters below the lower limit for at least the pocket minutes
    high_voltage_meters INTEGER NOT NULL,
    voltage_pocket      VARCHAR,          -- 'low' | 'high' | null
    supply_kwh          DOUBLE,           -- terminal import + meters' export (null without terminal readings)
    sales_kwh           DOUBLE,           -- meters' import + terminal export
    line_loss_rate      DOUBLE,           -- (supply − sales) / supply
    terminal_coverage   DOUBLE,           -- share of the day's slots the terminal reported
    meter_coverage      DOUBLE,           -- share of expected meter-minutes reported
    line_loss_flag      VARCHAR           -- 'negative' | 'high' | 'incomplete' | null
);

-- Heavy-load and overload episodes: maximal runs of consecutive slots above the level, within the day.
CREATE TABLE IF NOT EXISTS load_episodes (
    day              DATE      NOT NULL,
    transformer_code VARCHAR   NOT NULL,
    level            VARCHAR   NOT NULL, -- 'heavy' (> heavy rate) | 'overload' (> overload rate)
    start_at         TIMESTAMP NOT NULL,
    end_at           TIMESTAMP NOT NULL,
    minutes          INTEGER   NOT NULL,
    peak_load_rate   DOUBLE    NOT NULL,
    peak_kva         DOUBLE    NOT NULL
);

-- Suspected meter faults or theft found on a day: 'suddenDrop', 'longZero', 'reverseFlow'.
CREATE TABLE IF NOT EXISTS meter_anomalies (
    day              DATE    NOT NULL,
    meter_no         VARCHAR NOT NULL,
    customer_id      BIGINT,
    transformer_code VARCHAR NOT NULL,
    kind             VARCHAR NOT NULL,
    value            DOUBLE  NOT NULL, -- suddenDrop: the day's kWh / the baseline; longZero: minutes; reverseFlow: kWh
    baseline         DOUBLE            -- suddenDrop: mean daily kWh of the days before
);

-- Each customer's mean day over the analysed days [first_day, last_day] (Segmentation/CustomerLoadShapes): per
-- 15-minute slot, the kWh of the customer's meters summed and averaged over the days the slot was read; only
-- customers with every slot read. Replaced whole by each refresh and written in customer order, so the zone maps of
-- customer_id let one customer's lookup read a single row group.
CREATE TABLE IF NOT EXISTS customer_load_shapes (
    customer_id BIGINT   NOT NULL,
    slot        UTINYINT NOT NULL,
    kwh         DOUBLE   NOT NULL
);

-- The window and time of the last refresh of customer_load_shapes (one row).
CREATE TABLE IF NOT EXISTS customer_load_shape_window (
    first_day DATE      NOT NULL,
    last_day  DATE      NOT NULL,
    built_at  TIMESTAMP NOT NULL,
    customers INTEGER   NOT NULL
);
