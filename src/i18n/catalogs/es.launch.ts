/**
 * Spanish (español), the launch page's part: its landing and every reason it gives for not starting. The launch
 * page loads only this part (see ../languages.ts); a message the graph page shows too is in its parts as well.
 */
import type { Catalog } from "../i18n";

export default {
  // The page
  "Lab graph": "Gráfica de análisis",
  "Lab graph · Launch": "Gráfica de análisis · Inicio",
  Language: "Idioma",
  // The standalone landing
  "Choose where your health record is.": "Elija dónde está su historia clínica.",
  "Sign in to your health record": "Inicie sesión en su historia clínica",
  "Another FHIR server address": "Dirección de otro servidor FHIR",
  Connect: "Conectar",
  "Connecting to {server}…": "Conectando con {server}…",
  "Registering this app with an EHR": "Registrar esta aplicación en una historia clínica electrónica",
  "Launch URL": "URL de inicio",
  "Redirect URI": "URI de redirección",
  Client: "Cliente",
  "{client} (public: no secret, PKCE S256)": "{client} (público: sin secreto, PKCE S256)",
  Scopes: "Ámbitos",
  "{scope} launch (or launch/patient)": "{scope} launch (o launch/patient)",
  // Why the app could not start
  "The app could not start.": "La aplicación no pudo iniciarse.",
  "Open in a new window": "Abrir en una ventana nueva",
  "This browser does not let the app keep its sign-in inside the EHR window (storage for embedded apps is blocked, for example by strict privacy settings). Open the app in its own window to continue.":
    "Este navegador no permite que la aplicación mantenga su sesión dentro de la ventana de la historia clínica (el almacenamiento para aplicaciones integradas está bloqueado, por ejemplo por una configuración de privacidad estricta). Abra la aplicación en su propia ventana para continuar.",
  "The app's configuration (config.json) could not be loaded. Check your connection and reload.":
    "No se pudo cargar la configuración de la aplicación (config.json). Revise su conexión y vuelva a cargar la página.",
  "The app's configuration (config.json) could not be loaded (HTTP {status}).": "No se pudo cargar la configuración de la aplicación (config.json) (HTTP {status}).",
  "config.json is not valid JSON.": "config.json no es un JSON válido.",
  "config.json: {detail}": "config.json no es válido (detalle en inglés): {detail}",
  // The launch link
  "This launch link carries {names}, which this app does not accept: its settings come only from its own configuration. Launch the app again from your EHR, or ask the EHR's administrator to fix the launch link.":
    "Este enlace de inicio incluye {names}, que esta aplicación no acepta: su configuración solo proviene de sus propios ajustes. Vuelva a abrir la aplicación desde su historia clínica electrónica o pida a su administrador que corrija el enlace de inicio.",
  "This launch link repeats the iss or launch parameter. Launch the app again from your EHR.":
    "Este enlace de inicio repite el parámetro iss o launch. Vuelva a abrir la aplicación desde su historia clínica electrónica.",
  "The EHR did not say which FHIR server to connect to (the launch link has no iss). Launch the app again from your EHR.":
    "La historia clínica electrónica no indicó a qué servidor FHIR conectarse (el enlace de inicio no tiene iss). Vuelva a abrir la aplicación desde su historia clínica electrónica.",
  "The FHIR server address (iss) has stray spaces. Launch the app again from your EHR.":
    "La dirección del servidor FHIR (iss) tiene espacios de más. Vuelva a abrir la aplicación desde su historia clínica electrónica.",
  "The EHR sent an empty launch parameter. Launch the app again from your EHR.":
    "La historia clínica electrónica envió un parámetro launch vacío. Vuelva a abrir la aplicación desde su historia clínica electrónica.",
  "The launch parameter is {length} characters long, more than the {max} this app accepts. Launch the app again from your EHR.":
    "El parámetro launch tiene {length} caracteres, más de los {max} que acepta esta aplicación. Vuelva a abrir la aplicación desde su historia clínica electrónica.",
  // The FHIR server's address
  "No FHIR server address (iss) was given.": "No se indicó la dirección del servidor FHIR (iss).",
  "The FHIR server address is too long to be real.": "La dirección del servidor FHIR es demasiado larga para ser real.",
  '"{address}" is not a valid URL.': "«{address}» no es una URL válida.",
  'The FHIR server address must start with https:// (it uses "{scheme}").': "La dirección del servidor FHIR debe empezar por https:// (usa «{scheme}»).",
  "The FHIR server address must not contain a user name or password.": "La dirección del servidor FHIR no debe contener un nombre de usuario ni una contraseña.",
  "The FHIR server address must not contain a fragment (#…).": "La dirección del servidor FHIR no debe contener un fragmento (#…).",
  "The FHIR server address must not contain a query (?…).": "La dirección del servidor FHIR no debe contener una consulta (?…).",
  "This app is not set up to connect to {address}. Ask your administrator to add it to the app's list of allowed FHIR servers (issAllowList in config.json).":
    "Esta aplicación no está configurada para conectarse a {address}. Pida a su administrador que lo añada a la lista de servidores FHIR permitidos de la aplicación (issAllowList en config.json).",
  // The FHIR server's sign-in (SMART discovery)
  "The FHIR server at {iss} does not publish its SMART sign-in configuration ({url} answered HTTP {status}). Check the server address, or ask its administrator whether it supports SMART App Launch.":
    "El servidor FHIR de {iss} no publica su configuración de inicio de sesión SMART ({url} respondió HTTP {status}). Revise la dirección del servidor o pregunte a su administrador si admite SMART App Launch.",
  "The FHIR server at {iss} could not be reached, or does not let this app read its SMART sign-in configuration ({url}). Check the address and your connection.":
    "No se pudo contactar con el servidor FHIR de {iss}, o no permite que esta aplicación lea su configuración de inicio de sesión SMART ({url}). Revise la dirección y su conexión.",
  "The FHIR server at {iss} does not list valid authorization and token endpoints in its SMART configuration, so the app cannot sign in.":
    "El servidor FHIR de {iss} no indica direcciones válidas de autorización y de token en su configuración SMART, así que la aplicación no puede iniciar sesión.",
  'The FHIR server at {iss} does not offer PKCE with S256, which this app requires to sign in safely. If the server is known to support it anyway, an administrator can set "pkceMode": "unsafeV1" for it in config.json.':
    'El servidor FHIR de {iss} no ofrece PKCE con S256, que esta aplicación necesita para iniciar sesión de forma segura. Si se sabe que el servidor lo admite de todos modos, un administrador puede indicar "pkceMode": "unsafeV1" para él en config.json.',
  "The FHIR server at {iss} asks the app to fetch its sign-in from {origin} over plain http, which would send your sign-in unencrypted. The app uses plain http only when the FHIR server itself is on http (a local test server). Ask the server's administrator to publish an https token endpoint.":
    "El servidor FHIR de {iss} pide a la aplicación que complete el inicio de sesión en {origin} por http sin cifrar, lo que enviaría sus credenciales sin protección. La aplicación solo usa http sin cifrar cuando el propio servidor FHIR está en http (un servidor de pruebas local). Pida al administrador del servidor que publique una dirección de token https.",
} satisfies Catalog;
