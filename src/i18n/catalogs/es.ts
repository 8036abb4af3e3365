/** Spanish (español): for patients and clinicians, not word for word. Keys are the English messages (see ../i18n.ts). */
import type { Catalog } from "../i18n";

export default {
  // The graph page's own loading
  "The app could not load. Check your connection, then reload the page.": "La aplicación no se pudo cargar. Revise su conexión y vuelva a cargar la página.",
  // The Overview and the Lab control
  Overview: "Resumen",
  "Reading {done} of {count} labs…": { one: "Leyendo {done} de {count} análisis…", many: "Leyendo {done} de {count} análisis…", other: "Leyendo {done} de {count} análisis…" },
  "{name} could not be read: {message}": "No se pudo leer {name}: {message}",
  Retry: "Reintentar",
  "Loaded {count} results in {labs}": { one: "Cargado {count} resultado en {labs}", many: "Cargados {count} de resultados en {labs}", other: "Cargados {count} resultados en {labs}" },
  "{count} labs": { one: "{count} análisis", many: "{count} de análisis", other: "{count} análisis" },
  "{count} labs could not be read.": { one: "No se pudo leer {count} análisis.", many: "No se pudieron leer {count} de análisis.", other: "No se pudieron leer {count} análisis." },
  "Latest {value}, {date}": "Último {value}, {date}",
  "No results": "Sin resultados",
  "no date": "sin fecha",
  "No lab results are on record for this patient.": "No hay resultados de laboratorio registrados para este paciente.",
  // The page and its screens (the launch page's part says the shared ones the same way)
  "Lab graph": "Gráfica de análisis",
  Language: "Idioma",
  "Signing in…": "Iniciando sesión…",
  "The app could not start.": "La aplicación no pudo iniciarse.",
  "Session ended.": "Sesión finalizada.",
  "No patient.": "Sin paciente.",
  "No permission to read results.": "Sin permiso para leer resultados.",
  Details: "Detalles",
  "Sign in again": "Volver a iniciar sesión",
  "Launch again": "Volver a abrir",
  "Open in a new window": "Abrir en una ventana nueva",
  "Go to the launch page": "Ir a la página de inicio",
  "The sign-in service said: “{words}”": "El servicio de inicio de sesión dijo: «{words}»",
  "The EHR did not say which patient to show. Open the app from a patient's chart.":
    "La historia clínica electrónica no indicó qué paciente mostrar. Abra la aplicación desde la historia de un paciente.",
  "The sign-in service did not give the app permission to read lab results (Observation), so it cannot show them. Ask the EHR's administrator to allow it, then sign in again.":
    "El servicio de inicio de sesión no dio permiso a la aplicación para leer resultados de laboratorio (Observation), así que no puede mostrarlos. Pida al administrador de la historia clínica electrónica que lo permita y vuelva a iniciar sesión.",
  "The EHR did not give the app permission to read lab results (Observation), so it cannot show them. Ask the EHR's administrator to allow it, then sign in again.":
    "La historia clínica electrónica no dio permiso a la aplicación para leer resultados de laboratorio (Observation), así que no puede mostrarlos. Pida a su administrador que lo permita y vuelva a iniciar sesión.",
  "Granted scope: {scope}": "Ámbito concedido: {scope}",
  "(none)": "(ninguno)",
  "The patient's details could not be shown: {message}": "No se pudieron mostrar los datos del paciente: {message}",
  "The lab results could not be shown: {message}": "No se pudieron mostrar los resultados de laboratorio: {message}",
  "Try again": "Intentar de nuevo",
  // The session header
  Session: "Sesión",
  "Signed in as {who}": "Sesión iniciada como {who}",
  "Signed in as {who} — these are your own records": "Sesión iniciada como {who}: estos son sus propios registros",
  "a clinician": "un profesional clínico",
  "a patient": "un paciente",
  "a patient's representative": "un representante del paciente",
  "an EHR user": "un usuario de la historia clínica electrónica",
  "Encounter {id}": "Consulta {id}",
  "Sign out": "Cerrar sesión",
  "Signing out…": "Cerrando sesión…",
  // The lab panel and its status line
  "Lab results": "Resultados de laboratorio",
  "The patient's details could not be loaded. {message}": "No se pudieron cargar los datos del paciente. {message}",
  "Loading {lab} results…": "Cargando resultados de {lab}…",
  "Refreshing {lab} results…": "Actualizando resultados de {lab}…",
  "Loaded {count} results": { one: "Cargado {count} resultado", many: "Cargados {count} de resultados", other: "Cargados {count} resultados" },
  "Loaded {count} results…": { one: "Cargado {count} resultado…", many: "Cargados {count} de resultados…", other: "Cargados {count} resultados…" },
  "Loaded {fetched} of {count} results…": { one: "Cargados {fetched} de {count} resultado…", many: "Cargados {fetched} de {count} de resultados…", other: "Cargados {fetched} de {count} resultados…" },
  "Stopped after {count} results: a page failed to load.": {
    one: "Detenido tras {count} resultado: no se pudo cargar una página.",
    many: "Detenido tras {count} de resultados: no se pudo cargar una página.",
    other: "Detenido tras {count} resultados: no se pudo cargar una página.",
  },
  "Stopped at your request.": "Detenido a petición suya.",
  "Stopped at your request ({count} more on the server).": {
    one: "Detenido a petición suya (queda {count} más en el servidor).",
    many: "Detenido a petición suya (quedan {count} de más en el servidor).",
    other: "Detenido a petición suya (quedan {count} más en el servidor).",
  },
  "Stopped after {count} results: the next page is on another server, which the app does not send your sign-in to.": {
    one: "Detenido tras {count} resultado: la página siguiente está en otro servidor, al que la aplicación no envía su sesión.",
    many: "Detenido tras {count} de resultados: la página siguiente está en otro servidor, al que la aplicación no envía su sesión.",
    other: "Detenido tras {count} resultados: la página siguiente está en otro servidor, al que la aplicación no envía su sesión.",
  },
  "Stopped after {count} results: the server's next page link is not a valid address.": {
    one: "Detenido tras {count} resultado: el enlace del servidor a la página siguiente no es una dirección válida.",
    many: "Detenido tras {count} de resultados: el enlace del servidor a la página siguiente no es una dirección válida.",
    other: "Detenido tras {count} resultados: el enlace del servidor a la página siguiente no es una dirección válida.",
  },
  "Stopped: the server's next page link loops back.": "Detenido: el enlace del servidor a la página siguiente vuelve a una página ya leída.",
  "Paused after {count} pages, the most the app reads at a stretch for one lab.": {
    one: "En pausa tras {count} página, lo máximo que la aplicación lee de una vez para un análisis.",
    many: "En pausa tras {count} de páginas, lo máximo que la aplicación lee de una vez para un análisis.",
    other: "En pausa tras {count} páginas, lo máximo que la aplicación lee de una vez para un análisis.",
  },
  "Paused after {count} seconds of loading, the longest the app reads at a stretch for one lab.": {
    one: "En pausa tras {count} segundo de carga, lo máximo que la aplicación lee de una vez para un análisis.",
    many: "En pausa tras {count} de segundos de carga, lo máximo que la aplicación lee de una vez para un análisis.",
    other: "En pausa tras {count} segundos de carga, lo máximo que la aplicación lee de una vez para un análisis.",
  },
  "Stop loading": "Dejar de cargar",
  "Load the rest": "Cargar el resto",
  "Data as of {date}": "Datos a {date}",
  Refresh: "Actualizar",
  "The server says: {words}": "El servidor indica: {words}",
  "The server warns: {words}": "El servidor advierte: {words}",
  "The summary, controls and table of results could not be loaded ({message}). The chart above still shows every result loaded.":
    "No se pudieron cargar el resumen, los controles y la tabla de resultados ({message}). El gráfico de arriba sigue mostrando todos los resultados cargados.",
  "No {lab} results are on record for this patient.": "No hay resultados de {lab} registrados para este paciente.",
  "No {lab} results in this time range.": "No hay resultados de {lab} en este periodo.",
  // The clinical context: problems in the summary, medications under the chart
  "not available from this EHR": "no disponibles en esta historia clínica electrónica",
  "could not be read ({message})": "no se pudieron leer ({message})",
  "none on record that bear on {lab}": "ninguno registrado que influya en {lab}",
  "Reading medications…": "Leyendo los medicamentos…",
  "Medications could not be read: {message}": "No se pudieron leer los medicamentos: {message}",
  "Medications are not available from this EHR.": "Los medicamentos no están disponibles en esta historia clínica electrónica.",
  "Prescriptions could not be read: {message}": "No se pudieron leer las recetas: {message}",
  "Prescriptions are not available from this EHR.": "Las recetas no están disponibles en esta historia clínica electrónica.",
  "Medication statements could not be read: {message}": "No se pudieron leer las declaraciones de medicación: {message}",
  "Medication statements are not available from this EHR.": "Las declaraciones de medicación no están disponibles en esta historia clínica electrónica.",
  "Show every medication ({count})": "Mostrar todos los medicamentos ({count})",
  "No medications are on record.": "No hay medicamentos registrados.",
  "No medications that bear on {lab} are on record.": "No hay registrado ningún medicamento que influya en {lab}.",
  // Why there is no session: the sign-in
  "Sign in again to continue.": "Vuelva a iniciar sesión para continuar.",
  "Launch the app again from your EHR.": "Vuelva a abrir la aplicación desde su historia clínica electrónica.",
  "This browser does not let the app keep its sign-in inside the EHR window (storage for embedded apps is blocked, for example by strict privacy settings). Open the app in its own window to continue.":
    "Este navegador no permite que la aplicación mantenga su sesión dentro de la ventana de la historia clínica (el almacenamiento para aplicaciones integradas está bloqueado, por ejemplo por una configuración de privacidad estricta). Abra la aplicación en su propia ventana para continuar.",
  "This sign-in does not belong to this browser tab: it may have expired, been opened in another tab, or been altered. Launch the app again.":
    "Este inicio de sesión no pertenece a esta pestaña del navegador: puede haber caducado, haberse abierto en otra pestaña o haber sido alterado. Vuelva a abrir la aplicación.",
  "Your session has ended.": "Su sesión ha finalizado.",
  "The sign-in could not be completed.": "No se pudo completar el inicio de sesión.",
  "The app was opened without a launch. Open it from your EHR, or start it from its launch page.":
    "La aplicación se abrió sin un inicio. Ábrala desde su historia clínica electrónica o iníciela desde su página de inicio.",
  "You did not allow the app to see your records, so it cannot show them.": "Usted no permitió que la aplicación viera sus registros, así que no puede mostrarlos.",
  "Access to the patient's records was not granted, so the app cannot show them.": "No se concedió acceso a los registros del paciente, así que la aplicación no puede mostrarlos.",
  "The sign-in service refused the permissions the app asked for. An administrator may need to allow them for this app.":
    "El servicio de inicio de sesión rechazó los permisos que pidió la aplicación. Puede que un administrador tenga que autorizarlos para esta aplicación.",
  "The sign-in service does not allow this app to sign in. Ask the EHR's administrator to check the app's registration (its client id).":
    "El servicio de inicio de sesión no permite que esta aplicación inicie sesión. Pida al administrador de la historia clínica electrónica que revise el registro de la aplicación (su client id).",
  "The sign-in service had a problem and could not sign the app in. Try again in a moment.":
    "El servicio de inicio de sesión tuvo un problema y no pudo iniciar la sesión de la aplicación. Vuelva a intentarlo en un momento.",
  "The sign-in service refused the app's request ({code}).": "El servicio de inicio de sesión rechazó la solicitud de la aplicación ({code}).",
  "The app could not reach the EHR's sign-in service to finish signing in. Check the connection.":
    "La aplicación no pudo contactar con el servicio de inicio de sesión de la historia clínica electrónica para terminar de iniciar sesión. Revise la conexión.",
  "The EHR's sign-in service did not return an access token.": "El servicio de inicio de sesión de la historia clínica electrónica no devolvió un token de acceso.",
  "The EHR's sign-in service refused the sign-in code: it may have expired or been used already.":
    "El servicio de inicio de sesión de la historia clínica electrónica rechazó el código de inicio de sesión: puede haber caducado o haberse usado ya.",
  "The EHR's sign-in service does not accept this app (its client id). Ask the EHR's administrator to check the app's registration.":
    "El servicio de inicio de sesión de la historia clínica electrónica no acepta esta aplicación (su client id). Pida a su administrador que revise el registro de la aplicación.",
  "The EHR's sign-in service could not finish signing in (HTTP {status}).":
    "El servicio de inicio de sesión de la historia clínica electrónica no pudo terminar de iniciar la sesión (HTTP {status}).",
  // The FHIR server's answers
  "The FHIR server could not be reached.": "No se pudo contactar con el servidor FHIR.",
  "The FHIR server no longer accepts this sign-in (401).": "El servidor FHIR ya no acepta esta sesión (401).",
  "The FHIR server refused access to these records (403).": "El servidor FHIR denegó el acceso a estos registros (403).",
  "The FHIR server did not find what the app asked for (404).": "El servidor FHIR no encontró lo que pidió la aplicación (404).",
  "The FHIR server discarded this search before all pages were read (410).": "El servidor FHIR descartó esta búsqueda antes de que se leyeran todas las páginas (410).",
  "The FHIR server is busy and asked the app to slow down (429).": "El servidor FHIR está ocupado y pidió a la aplicación que espere (429).",
  "The FHIR server had an error ({status}).": "El servidor FHIR tuvo un error ({status}).",
  "The FHIR server refused the request ({status}).": "El servidor FHIR rechazó la solicitud ({status}).",
  "The FHIR server answered with a redirect to somewhere else. The app does not follow redirects with your sign-in, so nothing was read; the server's administrator can say where the records moved.":
    "El servidor FHIR respondió con una redirección a otro sitio. La aplicación no sigue redirecciones con su sesión, así que no se leyó nada; el administrador del servidor puede indicar adónde se trasladaron los registros.",
  "The FHIR server's answer is not valid JSON ({count} characters, perhaps cut off), so the app cannot read it.": {
    one: "La respuesta del servidor FHIR no es un JSON válido ({count} carácter, quizá cortada), así que la aplicación no puede leerla.",
    many: "La respuesta del servidor FHIR no es un JSON válido ({count} de caracteres, quizá cortada), así que la aplicación no puede leerla.",
    other: "La respuesta del servidor FHIR no es un JSON válido ({count} caracteres, quizá cortada), así que la aplicación no puede leerla.",
  },
  "The FHIR server answered the search with something other than a Bundle of results.": "El servidor FHIR respondió a la búsqueda con algo que no es un Bundle de resultados.",
  "The app ran the search again once, and the server discarded it again.": "La aplicación repitió la búsqueda una vez y el servidor volvió a descartarla.",
  "It asked the app to wait {seconds} s before trying again.": "Pidió a la aplicación que esperara {seconds} s antes de volver a intentarlo.",
  "The app tried {count} times.": { one: "La aplicación lo intentó {count} vez.", many: "La aplicación lo intentó {count} de veces.", other: "La aplicación lo intentó {count} veces." },
  "the answer was not a search result": "la respuesta no era un resultado de búsqueda",
  // A session that ends: renewal
  "The access token was about to expire.": "El token de acceso estaba a punto de caducar.",
  "The FHIR server refused the access token (401).": "El servidor FHIR rechazó el token de acceso (401).",
  "The server granted no refresh token (the app asks for one with offline_access).": "El servidor no concedió un token de actualización (la aplicación lo pide con offline_access).",
  "The server sent a refresh token, but the scope it granted lists neither offline_access nor online_access, so the app may not use it.":
    "El servidor envió un token de actualización, pero el ámbito que concedió no incluye offline_access ni online_access, así que la aplicación no puede usarlo.",
  "Your session has ended: the sign-in expired.": "Su sesión ha finalizado: el inicio de sesión caducó.",
  "Your session has ended: the EHR would not renew the sign-in.": "Su sesión ha finalizado: la historia clínica electrónica no renovó el inicio de sesión.",
  "Your session has ended: the FHIR server no longer accepts the sign-in.": "Su sesión ha finalizado: el servidor FHIR ya no acepta el inicio de sesión.",
  "The refresh failed: {message}": "La actualización falló: {message}",
  "After a refresh: {message}": "Tras una actualización: {message}",
  // Sign-out
  "You are signed out. The EHR has cancelled the app's sign-in, and the app keeps nothing of it on this device.":
    "Ha cerrado la sesión. La historia clínica electrónica canceló el inicio de sesión de la aplicación, y la aplicación no guarda nada de él en este dispositivo.",
  "You are signed out of the app on this device. This EHR offers the app no way to cancel the sign-in itself; it ends when it expires.":
    "Ha cerrado la sesión de la aplicación en este dispositivo. Esta historia clínica electrónica no ofrece a la aplicación ninguna forma de cancelar el inicio de sesión; terminará cuando caduque.",
  "You are signed out of the app on this device. The EHR's cancellation address ({address}) is not secure (https), so the app did not send it your sign-in; it ends when it expires.":
    "Ha cerrado la sesión de la aplicación en este dispositivo. La dirección de cancelación de la historia clínica electrónica ({address}) no es segura (https), así que la aplicación no le envió su sesión; terminará cuando caduque.",
  "You are signed out of the app on this device, but the EHR could not be told to cancel all of the sign-in ({failures}); what was not cancelled ends when it expires.":
    "Ha cerrado la sesión de la aplicación en este dispositivo, pero no se pudo pedir a la historia clínica electrónica que cancelara todo el inicio de sesión ({failures}); lo que no se canceló terminará cuando caduque.",
  "You are signed out of the app on this device, but the app could not load what tells the EHR to cancel the sign-in (check your connection); it ends when it expires.":
    "Ha cerrado la sesión de la aplicación en este dispositivo, pero la aplicación no pudo cargar lo que pide a la historia clínica electrónica cancelar el inicio de sesión (revise su conexión); terminará cuando caduque.",
  "the refresh token: {message}": "el token de actualización: {message}",
  "the access token: {message}": "el token de acceso: {message}",
  "it could not be reached": "no se pudo contactar con ella",
  "it answered with a redirect, which the app does not follow with a token": "respondió con una redirección, que la aplicación no sigue con un token",
} satisfies Catalog;
