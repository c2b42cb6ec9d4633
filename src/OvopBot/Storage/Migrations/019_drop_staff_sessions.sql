-- rerunnable: only DROP ... IF EXISTS (019 may land after 020-022; see Storage/Migrator.cs).
-- The older staff desk's table: its last dialog, the review (PERIKSA), is now a dialog of flows/staff.yaml kept in
-- staff_dialogs. A review left open at the deploy simply closes (the next PERIKSA lists afresh); nothing else was in it.
DROP TABLE IF EXISTS staff_sessions;
