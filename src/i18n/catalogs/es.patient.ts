/** Spanish (español) for the patient's view: the View control and the plain words (src/app/PatientView.later.tsx, plainWords.later.ts). */
import type { Catalog } from "../i18n";

export default {
  // The View control
  View: "Vista",
  Clinician: "Profesional clínico",
  Patient: "Paciente",
  // The section and its headings
  "In plain words": "En palabras sencillas",
  "What the chart shows": "Qué muestra el gráfico",
  // The tests, in everyday words
  HbA1c: "HbA1c",
  "blood sugar (glucose)": "azúcar en la sangre (glucosa)",
  "LDL (“bad”) cholesterol": "colesterol LDL (el “malo”)",
  "HDL (“good”) cholesterol": "colesterol HDL (el “bueno”)",
  "total cholesterol": "colesterol total",
  triglycerides: "triglicéridos",
  creatinine: "creatinina",
  "eGFR (kidney filtering)": "TFGe (filtrado de los riñones)",
  // What each test measures
  "HbA1c shows the average amount of sugar in the blood over the past 3 months. It is the main test used to see how well diabetes is being managed.":
    "La HbA1c muestra la cantidad promedio de azúcar en la sangre durante los últimos 3 meses. Es la prueba principal para ver qué tan bien se está controlando la diabetes.",
  "Glucose is a sugar that gives the body most of its energy. This test shows how much is in the blood at the moment of the test, which goes up and down with meals and activity.":
    "La glucosa es un azúcar que le da al cuerpo la mayor parte de su energía. Esta prueba muestra cuánta hay en la sangre en el momento del análisis; sube y baja con las comidas y la actividad.",
  "LDL is often called “bad” cholesterol. Too much of it can build up in the walls of blood vessels, which raises the chance of a heart attack or a stroke.":
    "Al LDL se le suele llamar colesterol “malo”. Si hay demasiado, puede acumularse en las paredes de los vasos sanguíneos, lo que aumenta la probabilidad de un infarto o de un derrame cerebral.",
  "HDL is often called “good” cholesterol. It carries cholesterol to the liver, which removes it from the body, so a higher number is usually better.":
    "Al HDL se le suele llamar colesterol “bueno”. Lleva el colesterol al hígado, que lo elimina del cuerpo, por eso un número más alto suele ser mejor.",
  "Total cholesterol is all the cholesterol in the blood, the “good” and the “bad” kinds together. Too much cholesterol raises the chance of heart disease.":
    "El colesterol total es todo el colesterol de la sangre, el “bueno” y el “malo” juntos. Demasiado colesterol aumenta la probabilidad de enfermedades del corazón.",
  "Triglycerides are a type of fat in the blood. The body stores calories it does not need as triglycerides, and high levels can raise the chance of heart disease.":
    "Los triglicéridos son un tipo de grasa de la sangre. El cuerpo guarda como triglicéridos las calorías que no necesita, y un nivel alto puede aumentar la probabilidad de enfermedades del corazón.",
  "Creatinine is a waste product made when muscles work. Healthy kidneys filter it out of the blood, so a high level can mean the kidneys are not working as well as they should.":
    "La creatinina es un desecho que se produce cuando los músculos trabajan. Los riñones sanos la filtran de la sangre, así que un nivel alto puede indicar que los riñones no funcionan tan bien como deberían.",
  "eGFR estimates how much blood the kidneys clean each minute. It is worked out from the creatinine result and details such as age; a lower number means the kidneys filter less well.":
    "La TFGe calcula cuánta sangre limpian los riñones cada minuto. Se obtiene a partir del resultado de creatinina y de datos como la edad; un número más bajo significa que los riñones filtran peor.",
  // The latest result
  "Your last {lab} result was {value} {when}.": "Su último resultado de {lab} fue {value} {when}.",
  "Their last {lab} result was {value} {when}.": "Su último resultado de {lab} fue {value} {when}.",
  "{name}'s last {lab} result was {value} {when}.": "El último resultado de {lab} de {name} fue {value} {when}.",
  "There are no {lab} results on your record.": "No hay resultados de {lab} en su historial.",
  "There are no {lab} results on their record.": "No hay resultados de {lab} en el historial de esta persona.",
  "None of your {lab} results has a number to show.": "Ninguno de sus resultados de {lab} tiene un número que se pueda mostrar.",
  "None of their {lab} results has a number to show.": "Ninguno de los resultados de {lab} de esta persona tiene un número que se pueda mostrar.",
  "on {date}": "el {date}",
  "in {date}": "en {date}",
  "less than {value}": "menos de {value}",
  "at most {value}": "como máximo {value}",
  "more than {value}": "más de {value}",
  "at least {value}": "como mínimo {value}",
  // What the lab's flag means
  "The lab did not mark this result as high or low.": "El laboratorio no marcó este resultado como alto ni como bajo.",
  "The lab marked this as critically high: far above the usual range, which can need care quickly.":
    "El laboratorio lo marcó como críticamente alto: muy por encima del rango habitual, lo que puede requerir atención pronto.",
  "The lab marked this as critically low: far below the usual range, which can need care quickly.":
    "El laboratorio lo marcó como críticamente bajo: muy por debajo del rango habitual, lo que puede requerir atención pronto.",
  "The lab marked this as critically abnormal: far outside the usual range, which can need care quickly.":
    "El laboratorio lo marcó como críticamente anormal: muy fuera del rango habitual, lo que puede requerir atención pronto.",
  "The lab marked this as high: above the usual range.": "El laboratorio lo marcó como alto: por encima del rango habitual.",
  "The lab marked this as low: below the usual range.": "El laboratorio lo marcó como bajo: por debajo del rango habitual.",
  "The lab marked this as outside the usual range.": "El laboratorio lo marcó como fuera del rango habitual.",
  "The lab marked this as within the usual range.": "El laboratorio lo marcó como dentro del rango habitual.",
  "The lab added a note to this result: {words}.": "El laboratorio añadió una nota a este resultado: {words}.",
  "It was higher than the lab's test can measure, so the true value is above the one shown.":
    "Era más alto de lo que la prueba del laboratorio puede medir, así que el valor real está por encima del que se muestra.",
  "It was lower than the lab's test can measure, so the true value is below the one shown.":
    "Era más bajo de lo que la prueba del laboratorio puede medir, así que el valor real está por debajo del que se muestra.",
  // The goal
  "Your goal is {goal}.": "Su meta es {goal}.",
  "Their goal is {goal}.": "Su meta es {goal}.",
  "This result meets the goal.": "Este resultado cumple la meta.",
  "This result does not meet the goal.": "Este resultado no cumple la meta.",
  "For many adults with diabetes, the goal is {goal}. Ask your care team what your own goal is.":
    "Para muchos adultos con diabetes, la meta es {goal}. Pregunte a su equipo de atención cuál es su propia meta.",
  "For many adults with diabetes, the goal is {goal}. Ask their care team what their own goal is.":
    "Para muchos adultos con diabetes, la meta es {goal}. Pregunte a su equipo de atención cuál es la meta de esta persona.",
  "below {value}": "menos de {value}",
  "at or below {value}": "{value} o menos",
  "above {value}": "más de {value}",
  "at or above {value}": "{value} o más",
  "between {low} and {high}": "entre {low} y {high}",
  // The chart's marks
  "A plain dot: a result the lab did not mark as high or low.": "Un punto: un resultado que el laboratorio no marcó como alto ni como bajo.",
  "A ring: the lab marked the result as within the usual range.": "Un anillo: el laboratorio marcó el resultado como dentro del rango habitual.",
  "A triangle pointing up: the lab marked the result as high.": "Un triángulo hacia arriba: el laboratorio marcó el resultado como alto.",
  "Two triangles pointing up: the lab marked the result as critically high.": "Dos triángulos hacia arriba: el laboratorio marcó el resultado como críticamente alto.",
  "A triangle pointing down: the lab marked the result as low.": "Un triángulo hacia abajo: el laboratorio marcó el resultado como bajo.",
  "Two triangles pointing down: the lab marked the result as critically low.": "Dos triángulos hacia abajo: el laboratorio marcó el resultado como críticamente bajo.",
  "A diamond: the lab marked the result as outside the usual range.": "Un rombo: el laboratorio marcó el resultado como fuera del rango habitual.",
  "Diamonds inside a diamond: the lab marked the result as critically outside the usual range.":
    "Rombos dentro de un rombo: el laboratorio marcó el resultado como críticamente fuera del rango habitual.",
  "A square: the lab added a note of its own to the result.": "Un cuadrado: el laboratorio añadió una nota propia al resultado.",
  "A line with an arrow pointing down: the true value is somewhere below the line.": "Una línea con una flecha hacia abajo: el valor real está en algún punto por debajo de la línea.",
  "A line with an arrow pointing up: the true value is somewhere above the line.": "Una línea con una flecha hacia arriba: el valor real está en algún punto por encima de la línea.",
  "A hollow mark: an early result that the lab may still change.": "Una marca hueca: un resultado preliminar que el laboratorio todavía puede cambiar.",
  "The shaded band: the usual range the lab gave for this test.": "La franja sombreada: el rango habitual que indicó el laboratorio para esta prueba.",
  "The other shaded band: the range the lab recommends.": "La otra franja sombreada: el rango que recomienda el laboratorio.",
  "The dashed line: your goal.": "La línea discontinua: su meta.",
  "The dashed line: their goal.": "La línea discontinua: la meta de esta persona.",
  "The dashed line: a common goal, not one set for you.": "La línea discontinua: una meta habitual, no una fijada para usted.",
  "The dashed line: a common goal, not one set for them.": "La línea discontinua: una meta habitual, no una fijada para esta persona.",
  // Medicines
  "Reading the medicines on record…": "Leyendo los medicamentos registrados…",
  "Your medicines could not be read: {message}": "No se pudieron leer sus medicamentos: {message}",
  "Their medicines could not be read: {message}": "No se pudieron leer los medicamentos de esta persona: {message}",
  "The app was not given permission to read your medicines.": "La aplicación no tiene permiso para leer sus medicamentos.",
  "The app was not given permission to read their medicines.": "La aplicación no tiene permiso para leer los medicamentos de esta persona.",
  "Your medicines are not available from this health record.": "Sus medicamentos no están disponibles en este historial médico.",
  "Their medicines are not available from this health record.": "Los medicamentos de esta persona no están disponibles en este historial médico.",
  "No medicines on your record are known to affect this test.": "No hay medicamentos en su historial que se sepa que influyen en esta prueba.",
  "No medicines on their record are known to affect this test.": "No hay medicamentos en el historial de esta persona que se sepa que influyen en esta prueba.",
  "Medicines on your record that affect this test: {list}.": "Medicamentos de su historial que influyen en esta prueba: {list}.",
  "Medicines on their record that affect this test: {list}.": "Medicamentos del historial de esta persona que influyen en esta prueba: {list}.",
  "Some medicines could not be read, so this list may not be complete.": "Algunos medicamentos no se pudieron leer, así que esta lista puede estar incompleta.",
  "{name} (since {year})": "{name} (desde {year})",
  "{name} (in {year})": "{name} (en {year})",
  "{name} ({from} to {to})": "{name} ({from} a {to})",
} satisfies Catalog;
