-- Dose bands (midpoint of the stated range): psilocybin in grams of material, LSD in micrograms.
CREATE OR REPLACE VIEW dose_bands AS
SELECT report_id, substance, unit, (low + high) / 2 AS amount,
       CASE
         WHEN substance = 'psilocybin' AND unit = 'g' THEN
           CASE WHEN (low + high) / 2 < 0.1 THEN 'psilocybin <0.1 g'
                WHEN (low + high) / 2 < 0.2 THEN 'psilocybin 0.1-0.2 g'
                WHEN (low + high) / 2 < 0.35 THEN 'psilocybin 0.2-0.35 g'
                WHEN (low + high) / 2 < 1 THEN 'psilocybin 0.35-1 g'
                ELSE 'psilocybin >=1 g' END
         WHEN substance = 'lsd' AND unit = 'ug' THEN
           CASE WHEN (low + high) / 2 < 10 THEN 'lsd <10 ug'
                WHEN (low + high) / 2 < 20 THEN 'lsd 10-20 ug'
                WHEN (low + high) / 2 < 50 THEN 'lsd 20-50 ug'
                ELSE 'lsd >=50 ug' END
         ELSE substance || ' in ' || unit
       END AS dose_band
FROM dose_mentions;
