-- The last TOTP time step accepted per account: a code is valid once, never replayed.
ALTER TABLE accounts ADD COLUMN totp_last_time_step bigint;
