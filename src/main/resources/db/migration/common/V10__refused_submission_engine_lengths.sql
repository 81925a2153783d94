-- A refused start may carry any business key the engine accepts (Camunda keeps up to 255 characters), and a
-- refusal names any element of a model: the log keeps them whole instead of failing on them, which turned the
-- refusal into a server error.
ALTER TABLE refused_submission ALTER COLUMN business_key SET DATA TYPE VARCHAR(255);
ALTER TABLE refused_submission ALTER COLUMN element_id SET DATA TYPE VARCHAR(255);
